import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueName } from '@app/core';
import { MailDelivery, MailMessage } from '../mail/mail-message';
import { MailTransport } from '../mail/mail-transport';

/**
 * Sends one message per job. A permanent SMTP refusal (5xx) fails the job at once, since retrying
 * cannot change the answer; anything else is retried by the queue's policy.
 */
@Processor(QueueName.Mail, { concurrency: 8 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(private readonly transport: MailTransport) {
    super();
  }

  async process(job: Job<MailMessage>): Promise<MailDelivery> {
    try {
      return await this.transport.send(job.data);
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      if (responseCode !== undefined && responseCode >= 500) {
        this.logger.warn(`message ${job.data.messageId} refused for good (${responseCode})`);
        throw new UnrecoverableError(`SMTP ${responseCode}: ${(error as Error).message}`);
      }
      throw error;
    }
  }
}
