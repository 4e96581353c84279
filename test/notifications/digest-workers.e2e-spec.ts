import { DataSource } from 'typeorm';
import {
  DIGEST_TICK_SCHEDULER,
  DigestTickResult,
  JobName,
  JobQueue,
  PlanDigestResult,
  QueueName,
} from '@app/core';
import { DigestItem, localDay } from '@app/notifications';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { E2E_DRIVER } from '../helpers/test-database';
import { waitFor } from '../helpers/wait-for';
import { waitForJobs } from '../helpers/wait-for-jobs';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * PostgreSQL only: two workers are two processes of one deployment, which SQLite (one process, one
 * connection) does not run.
 */
const describeOnPostgres = E2E_DRIVER === 'postgres' ? describe : describe.skip;

describeOnPostgres('daily digests with two workers on one database and one Redis', () => {
  let smtp: SmtpListener;
  let workers: TestApp[];
  let cast: Cast;

  beforeAll(async () => {
    smtp = await new SmtpListener().start();
    // The digest hour is midnight: every tick of the day finds the digests due.
    const env = {
      SMTP_URL: smtp.url,
      RELAY_POLL_MS: '50',
      DIGEST_HOUR: '0',
      DIGEST_TIMEZONE: 'UTC',
    };
    const first = await createTestApp({ withWorker: true, env });
    workers = [first, await createTestApp({ withWorker: true, env, sharing: first })];
    cast = await createCast(first);
    // Each member signed in for their token: those sign-in mails are the cast's, not the test's.
    await waitForJobs(first.queue(QueueName.SignIn));
    smtp.messages.splice(0);
  });
  afterAll(async () => {
    for (const worker of [...(workers ?? [])].reverse()) await worker.close();
    await smtp.stop();
  });

  it('schedules one hourly tick, and sends each user one digest a day whoever runs it', async () => {
    const [first, second] = workers;
    const queue = first.queue(QueueName.Digests);
    expect(await queue.getJobSchedulers()).toEqual([
      expect.objectContaining({ key: DIGEST_TICK_SCHEDULER, pattern: '0 * * * *', tz: 'UTC' }),
    ]);

    const { requester } = cast.onRequest;
    await api(first, requester)
      .put('/v1/me/notification-preferences', { informed: 'daily-digest' })
      .expect(200);
    const { id } = await submitRequest(requester, 'mariadb.add-read-only-replica', {
      instance: 'db-two-workers',
    });
    await settle(first);
    // Kept yesterday: due at today's digest hour.
    const items = first.app.get(DataSource).getRepository(DigestItem);
    await items.update({ userId: requester.id }, { createdAt: new Date(Date.now() - DAY_MS) });

    // The scheduler's next tick now, on whichever worker takes it, and a tick queued by the other.
    const [scheduled] = (await queue.getDelayed()).filter(
      (job) => job.name === String(JobName.DigestTick),
    );
    await scheduled.promote();
    const at = new Date().toISOString();
    await second.app.get(JobQueue).enqueue([{ name: JobName.DigestTick, data: { at } }]);
    // And the digest itself, asked of both workers at once.
    const day = localDay(new Date(), 'UTC');
    const digest = { name: JobName.PlanDigest, data: { userId: requester.id, day } } as const;
    await Promise.all(workers.map((worker) => worker.app.get(JobQueue).enqueue([digest])));

    const result = await waitFor(async () => {
      const job = await queue.getJob(`digest.${requester.id}.${day}`);
      return (job?.returnvalue ?? undefined) as PlanDigestResult | undefined;
    }, 'the digest');
    expect(result).toMatchObject({ outcome: 'planned', items: 1 });
    // Both ticks found the digest due; the first to run queued it, and took the news.
    const ticks = await Promise.all(
      [scheduled.id!, `${JobName.DigestTick}.${at}`].map((tickId) =>
        waitFor(async () => {
          const job = await queue.getJob(tickId);
          return (job?.returnvalue ?? undefined) as DigestTickResult | undefined;
        }, `tick ${tickId}`),
      ),
    );
    expect(ticks.map((tick) => tick.outcome)).toEqual(['queued', 'queued']);
    expect(ticks.map((tick) => tick.digests)).toContain(1);
    const mail = await waitFor(
      () => smtp.messages.find((m) => m.to.includes(requester.email)),
      'the digest mail',
    );
    expect(mail.text).toContain(id);
    await settle(first);
    await settle(second);
    expect(smtp.messages.filter((m) => m.to.includes(requester.email))).toHaveLength(1);
    const [{ n }] = await first.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM notification_deliveries WHERE message_id = $1`, [
        `<digest.${requester.id}.${day}@raci-engine>`,
      ]);
    expect(Number(n)).toBe(1);
    expect(await queue.getJobSchedulers()).toHaveLength(1);
  });
});
