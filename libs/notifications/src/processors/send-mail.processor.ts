import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig, JobData, JobName, QueueName, SendMailResult, WORKER_LOCKS } from '@app/core';
import { DeliveryStatus } from '../deliveries/notification-delivery.entity';
import { DeliveryLedger } from '../deliveries/delivery-ledger.service';
import { LiveLinks } from '../mail/live-links.service';
import { MailMessage } from '../mail/mail-message';
import { MailTransport } from '../mail/mail-transport';
import { smtpFailureOf } from '../mail/smtp-reply';

/**
 * Sends one recorded message per job and settles its delivery row. A permanent SMTP refusal (5xx)
 * fails the job at once, since retrying cannot change the answer; anything else is retried by the
 * queue's policy, and the delivery is marked failed only when the last attempt fails. The message's
 * links are made only here, as it goes out: the ledger and the job hold none that works.
 * Its concurrency follows the SMTP pool (see `mailConcurrency`).
 */
@Processor(QueueName.Mail, { concurrency: 8, ...WORKER_LOCKS })
export class SendMailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SendMailProcessor.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly ledger: DeliveryLedger,
    private readonly links: LiveLinks,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // No worker where the queues only record jobs (the middle tier's tests): nothing to size.
    if (!this.hasWorker()) return;
    this.worker.concurrency = mailConcurrency(this.config.env.SMTP_POOL_SIZE);
  }

  private hasWorker(): boolean {
    try {
      return !!this.worker;
    } catch {
      return false;
    }
  }

  async process(job: Job<JobData<JobName.SendMail>, SendMailResult>): Promise<SendMailResult> {
    const { deliveryId } = job.data;
    const attempts = job.attemptsMade + 1;
    const delivery = await this.ledger.claim(deliveryId);
    if (!delivery) return { deliveryId, outcome: 'gone' };
    // A worker killed after settling but before the job completed leaves the job to run again.
    if (delivery.status === DeliveryStatus.Sent) return { deliveryId, outcome: 'already-sent' };
    const response = job.data.accepted ?? (await this.send(job, delivery.message, attempts));
    await this.ledger.settleSent(deliveryId, attempts);
    return { deliveryId, outcome: 'sent', response };
  }

  /**
   * Sends, and keeps the server's answer with the job (in Redis) before recording it in the
   * ledger, so that when the ledger cannot be written the retry records the sending instead of
   * sending twice.
   */
  private async send(
    job: Job<JobData<JobName.SendMail>, SendMailResult>,
    message: MailMessage,
    attempts: number,
  ): Promise<string> {
    const { deliveryId } = job.data;
    let response: string;
    try {
      ({ response } = await this.transport.send(await this.links.fill(message)));
    } catch (error) {
      const { code, permanent } = smtpFailureOf(error);
      const text = `${code ? `SMTP ${code}: ` : ''}${(error as Error).message}`;
      const final = permanent || attempts >= (job.opts.attempts ?? 1);
      await this.ledger.settle(deliveryId, { sent: false, attempts, error: text, final });
      if (permanent) {
        this.logger.warn(`message ${message.messageId} refused for good (${code})`);
        throw new UnrecoverableError(text);
      }
      throw error;
    }
    await job.updateData({ ...job.data, accepted: response });
    return response;
  }
}

/**
 * Send jobs at a time per process: two per SMTP connection, one on the wire and one reading or
 * settling its delivery, so that no connection waits for the database and no job waits long for a
 * connection.
 */
export function mailConcurrency(smtpPoolSize: number): number {
  return 2 * smtpPoolSize;
}
