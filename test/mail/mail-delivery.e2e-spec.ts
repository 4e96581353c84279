import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { JobName, JobQueue, QueueName, RequestEvent } from '@app/core';
import { Audience, DeliveryLedger, MailMessage } from '@app/notifications';
import { createTestApp, TestApp } from '../helpers/create-app';
import { SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';
import { waitForJobs } from '../helpers/wait-for-jobs';

const message = (id: string): MailMessage => ({
  messageId: `<${id}@raci-engine.test>`,
  to: ['ops@customer.test'],
  subject: `Test ${id}`,
  text: 'Hello from the worker.',
  html: '<p>Hello from the worker.</p>',
});

/**
 * Records a delivery of `message` as the planner would, and queues its send job, as the planning job
 * does; answers the job's id.
 */
async function queueMail(t: TestApp, message: MailMessage): Promise<string> {
  const event = { id: randomUUID(), type: 'request.submitted', requestId: randomUUID() };
  const [delivery] = await t.app.get(DeliveryLedger).record(event as RequestEvent, [
    {
      audience: Audience.Informed,
      recipient: message.to[0],
      organizationId: randomUUID(),
      message,
    },
  ]);
  await t.app
    .get(JobQueue)
    .enqueue([{ name: JobName.SendMail, data: { deliveryId: delivery.id, retry: 0 } }]);
  return delivery.id;
}

describe('mail jobs over real SMTP', () => {
  let smtp: SmtpListener;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await new SmtpListener().start();
    t = await createTestApp({
      withWorker: true,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'RACI <raci@provider.test>' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers a queued message to the SMTP server', async () => {
    const queue = t.queue(QueueName.Mail);
    const jobId = await queueMail(t, message('first'));
    const received = await waitFor(
      () => smtp.messages.find((m) => m.messageId === '<first@raci-engine.test>'),
      'the message',
    );
    expect(received).toMatchObject({
      from: 'raci@provider.test',
      to: ['ops@customer.test'],
      subject: 'Test first',
    });
    const job = await waitFor(
      async () => ((await queue.getJob(jobId))?.returnvalue ? queue.getJob(jobId) : undefined),
      'the result',
    );
    expect(job.returnvalue).toMatchObject({ deliveryId: jobId, outcome: 'sent' });
    expect(job.returnvalue.response).toMatch(/^250/);
  });

  it('fails a permanently refused message at once instead of retrying it', async () => {
    smtp.refuseWith = 550;
    const queue = t.queue(QueueName.Mail);
    try {
      const jobId = await queueMail(t, message('refused'));
      await waitForJobs(queue);
      const job = await queue.getJob(jobId);
      expect(await job!.getState()).toBe('failed');
      expect(job!.attemptsMade).toBe(1);
      expect(job!.failedReason).toMatch(/SMTP 550/);
    } finally {
      smtp.refuseWith = undefined;
    }
  });
});

describe('mail without SMTP_URL', () => {
  let dir: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raci-mail-'));
    t = await createTestApp({ withWorker: true, env: { MAIL_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file a person can open', async () => {
    await queueMail(t, { ...message('eml'), topic: 'approval-needed' });
    const file = await waitFor(
      () => readdirSync(dir).find((name) => name.endsWith('.eml')),
      'the .eml file',
    );
    // Its name says when, for whom and about what.
    expect(file).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z_ops@customer\.test_approval-needed_[0-9a-f]{8}\.eml$/,
    );
    const eml = readFileSync(join(dir, file), 'utf8');
    expect(eml).toMatch(/^Message-ID: <eml@raci-engine.test>/m);
    expect(eml).toMatch(/^Subject: Test eml/m);
    expect(eml).toContain('Hello from the worker.');
  });
});
