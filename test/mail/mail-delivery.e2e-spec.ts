import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobName, MAIL_JOB_POLICY, QueueName } from '@app/core';
import { MailMessage } from '@app/notifications';
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
    await queue.add(JobName.SendMail, message('first'), { ...MAIL_JOB_POLICY, jobId: 'first' });
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
      async () => ((await queue.getJob('first'))?.returnvalue ? queue.getJob('first') : undefined),
      'the result',
    );
    expect(job.returnvalue).toMatchObject({
      messageId: '<first@raci-engine.test>',
      accepted: ['ops@customer.test'],
      rejected: [],
    });
  });

  it('fails a permanently refused message at once instead of retrying it', async () => {
    smtp.refuseWith = 550;
    const queue = t.queue(QueueName.Mail);
    try {
      await queue.add(JobName.SendMail, message('refused'), {
        ...MAIL_JOB_POLICY,
        jobId: 'refused',
      });
      await waitForJobs(queue);
      const job = await queue.getJob('refused');
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
    await t
      .queue(QueueName.Mail)
      .add(JobName.SendMail, message('eml'), { ...MAIL_JOB_POLICY, jobId: 'eml' });
    const file = await waitFor(
      () => readdirSync(dir).find((name) => name.endsWith('.eml')),
      'the .eml file',
    );
    const eml = readFileSync(join(dir, file), 'utf8');
    expect(eml).toMatch(/^Message-ID: <eml@raci-engine.test>/m);
    expect(eml).toMatch(/^Subject: Test eml/m);
    expect(eml).toContain('Hello from the worker.');
  });
});
