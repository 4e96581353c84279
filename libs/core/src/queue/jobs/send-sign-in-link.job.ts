import { SIGN_IN_MAIL_JOB_POLICY } from '../job-policies';
import { QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/**
 * Mail one sign-in link to its person. Only the link's id: the link itself is a credential, so it is
 * computed when the mail is written and never rests in Redis, a log or a delivery row.
 */
export interface SendSignInLinkJob {
  linkId: string;
}

export interface SendSignInLinkResult {
  linkId: string;
  /**
   * `sent`: the mail went out; `gone`: nothing was sent, because the link was used or expired, or its
   * person deactivated, before the job ran.
   */
  outcome: 'sent' | 'gone';
  /** Where the message went: the SMTP server's answer, or the .eml file written. */
  response?: string;
}

/** One mail per link, however often the job is enqueued. */
export const SEND_SIGN_IN_LINK: JobDefinition<SendSignInLinkJob> = {
  queue: QueueName.SignIn,
  policy: SIGN_IN_MAIL_JOB_POLICY,
  id: ({ linkId }) => `sign-in.${linkId}`,
};
