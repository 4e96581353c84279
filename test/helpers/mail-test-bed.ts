import { QueueName } from '@app/core';
import { Cast, createCast } from '../factories/cast.factory';
import { createTestApp, TestApp } from './create-app';
import { SmtpListener } from './smtp-listener';
import { waitForJobs } from './wait-for-jobs';

/** An app running its worker, a real SMTP listener it sends to, and a cast of users: what mail tests need. */
export interface MailTestBed {
  t: TestApp;
  smtp: SmtpListener;
  cast: Cast;
  close(): Promise<void>;
}

export async function createMailTestBed(env: Record<string, string> = {}): Promise<MailTestBed> {
  const smtp = await new SmtpListener().start();
  const t = await createTestApp({
    withWorker: true,
    env: { SMTP_URL: smtp.url, RELAY_POLL_MS: '50', ...env },
  });
  const cast = await createCast(t);
  // Each member signed in for their token: those sign-in mails are the cast's, not the test's.
  await waitForJobs(t.queue(QueueName.SignIn));
  smtp.messages.splice(0);
  return {
    t,
    smtp,
    cast,
    close: async () => {
      await t.close();
      await smtp.stop();
    },
  };
}
