import { MAIL_JOB_POLICY } from '../job-policies';
import { QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/** Send one recorded message. The message is read from its delivery row, never from Redis. */
export interface SendMailJob {
  deliveryId: string;
  /** 0 for the first sending; each manual retry of a dead letter counts one up. */
  retry: number;
  /**
   * The SMTP server's answer, kept with the job once it accepted the message: an attempt that
   * then failed to record it (PostgreSQL down) is retried to record it, never to send again.
   */
  accepted?: string;
}

export interface SendMailResult {
  deliveryId: string;
  outcome: 'sent' | 'already-sent' | 'gone';
  /** Where the message went: the SMTP server's answer, or the .eml file written. */
  response?: string;
}

export const SEND_MAIL: JobDefinition<SendMailJob> = {
  queue: QueueName.Mail,
  policy: MAIL_JOB_POLICY,
  id: ({ deliveryId, retry }) => (retry === 0 ? deliveryId : `${deliveryId}.retry-${retry}`),
};
