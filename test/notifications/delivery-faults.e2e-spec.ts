import { QueueName } from '@app/core';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { createTestApp, TestApp } from '../helpers/create-app';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { ThrowawayRedis } from '../helpers/throwaway-redis';
import { waitFor } from '../helpers/wait-for';
import { waitForJobs } from '../helpers/wait-for-jobs';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };
/** Per replica request: two provider approvers, the customer's contact and its submitter. */
const MESSAGES_PER_REQUEST = 4;

describe('mail delivery through faults', () => {
  jest.setTimeout(90_000);
  let smtp: SmtpListener;
  let redis: ThrowawayRedis;
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    smtp = await new SmtpListener().start();
    redis = await ThrowawayRedis.start();
    t = await createTestApp({
      withWorker: true,
      env: { SMTP_URL: smtp.url, REDIS_URL: redis.url, RELAY_POLL_MS: '50' },
    });
    cast = await createCast(t);
    // Each member signed in for their token: those sign-in mails are the cast's, not the test's.
    await waitForJobs(t.queue(QueueName.SignIn));
    smtp.messages.splice(0);
  });
  afterAll(async () => {
    await redis.start();
    // After the outage an idle worker comes back on its own reconnection backoff (up to 20 s);
    // closing the app before every worker is back can leave the close waiting on one of them.
    await waitFor(
      async () => {
        const queues = Object.values(QueueName).map((name) => t.queue(name).getWorkers());
        return (await Promise.all(queues)).every((workers) => workers.length > 0);
      },
      'every worker back on Redis',
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await t.close();
    await redis.stop();
    await smtp.stop();
  });

  const submitReplica = () =>
    submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
  const byMessageId = () => {
    const counts = new Map<string, number>();
    smtp.messages.forEach((m) => counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1));
    return counts;
  };

  it('accepts requests while Redis is down, then delivers every message exactly once', async () => {
    await redis.stop();
    const ids: string[] = [];
    for (let n = 0; n < 10; n++) ids.push((await submitReplica()).id);
    expect(smtp.messages).toHaveLength(0);
    await redis.start();
    await waitFor(
      () => smtp.messages.length >= ids.length * MESSAGES_PER_REQUEST,
      'every message after Redis came back',
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await settle(t);
    expect(smtp.messages).toHaveLength(ids.length * MESSAGES_PER_REQUEST);
    expect([...byMessageId().values()].every((count) => count === 1)).toBe(true);
    for (const id of ids)
      expect(smtp.messages.filter((m) => m.text.includes(id))).toHaveLength(MESSAGES_PER_REQUEST);
  });

  it('retries while the SMTP server answers 4xx, and delivers each message once when it accepts', async () => {
    smtp.messages.length = 0;
    smtp.refuseWith = 451;
    const { id } = await submitReplica();
    await waitFor(() => smtp.refusals >= MESSAGES_PER_REQUEST, 'the first refusals');
    smtp.refuseWith = undefined;
    await waitFor(
      () => smtp.messages.length >= MESSAGES_PER_REQUEST,
      'delivery after the refusals',
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    await settle(t);
    expect(smtp.messages.filter((m) => m.text.includes(id))).toHaveLength(MESSAGES_PER_REQUEST);
    expect([...byMessageId().values()].every((count) => count === 1)).toBe(true);
  });
});
