import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueName, WORKER_LOCKS } from '@app/core';
import { DeliveryLedger } from '../deliveries/delivery-ledger.service';
import { MailDelivery, MailMessage } from '../mail/mail-message';
import { MailTransport } from '../mail/mail-transport';

/**
 * Sends one message per job and settles its delivery row. A permanent SMTP refusal (5xx) fails the
 * job at once, since retrying cannot change the answer; anything else is retried by the queue's
 * policy, and the delivery is marked failed only when the last attempt fails.
 */
@Processor(QueueName.Mail, { concurrency: 8, ...WORKER_LOCKS })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly ledger: DeliveryLedger,
  ) {
    super();
  }

  async process(job: Job<MailMessage>): Promise<MailDelivery> {
    const attempts = job.attemptsMade + 1;
    const { deliveryId } = job.data;
    // A worker killed after settling but before the job completed leaves the job to run again.
    if (deliveryId && (await this.ledger.isSent(deliveryId))) {
      return {
        messageId: job.data.messageId,
        accepted: [],
        rejected: [],
        response: 'already sent',
      };
    }
    try {
      const delivery = await this.transport.send(job.data);
      if (deliveryId) await this.ledger.settle(deliveryId, { sent: true, attempts });
      return delivery;
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      const permanent = responseCode !== undefined && responseCode >= 500;
      const message = `${responseCode ? `SMTP ${responseCode}: ` : ''}${(error as Error).message}`;
      if (deliveryId) {
        const final = permanent || attempts >= (job.opts.attempts ?? 1);
        await this.ledger.settle(deliveryId, { sent: false, attempts, error: message, final });
      }
      if (permanent) {
        this.logger.warn(`message ${job.data.messageId} refused for good (${responseCode})`);
        throw new UnrecoverableError(message);
      }
      throw error;
    }
  }
}
