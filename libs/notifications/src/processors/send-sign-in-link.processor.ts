import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobData, JobName, QueueName, SendSignInLinkResult, WORKER_LOCKS } from '@app/core';
import { SIGN_IN_LINK_MINUTES, SignInLinks } from '@app/parties';
import { MailTransport } from '../mail/mail-transport';
import { smtpFailureOf } from '../mail/smtp-reply';
import { renderSignInMail } from '../templates/sign-in-mail';

/**
 * Mails one sign-in link per job. The link is written into the mail here, from its id, and nowhere
 * else: no delivery row, no log line and no job field ever holds it. A link used or expired, or a
 * person deactivated, before the job runs sends nothing. A permanent SMTP refusal (5xx) fails the
 * job at once; anything else is retried while the link still works.
 */
@Processor(QueueName.SignIn, { concurrency: 4, ...WORKER_LOCKS })
export class SendSignInLinkProcessor extends WorkerHost {
  private readonly logger = new Logger(SendSignInLinkProcessor.name);

  constructor(
    private readonly links: SignInLinks,
    private readonly transport: MailTransport,
  ) {
    super();
  }

  async process(
    job: Job<JobData<JobName.SendSignInLink>, SendSignInLinkResult>,
  ): Promise<SendSignInLinkResult> {
    const { linkId } = job.data;
    const mail = await this.links.mailOf(linkId);
    if (!mail) return { linkId, outcome: 'gone' };
    const rendered = renderSignInMail({
      locale: mail.locale,
      email: mail.to,
      url: mail.url,
      expiresAt: mail.expiresAt,
      minutes: SIGN_IN_LINK_MINUTES,
    });
    try {
      const { response } = await this.transport.send({
        messageId: `<sign-in.${linkId}@raci-engine>`,
        to: [mail.to],
        topic: 'sign-in',
        ...rendered,
      });
      return { linkId, outcome: 'sent', response };
    } catch (error) {
      const { code, permanent } = smtpFailureOf(error);
      if (permanent) {
        this.logger.warn(`sign-in link ${linkId} refused for good (${code})`);
        throw new UnrecoverableError(`SMTP ${code}: ${(error as Error).message}`);
      }
      throw error;
    }
  }
}
