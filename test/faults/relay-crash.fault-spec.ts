import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QueueName, redisOptions } from '@app/core';
import { EngineProcess } from '../helpers/engine-process';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, submitMany } from './fault-bed';
import { acceptedButUnrecorded, expectExactlyOnce, settledReconciliation } from './reconcile';

/** Events waiting in the outbox when the first relay starts: one batch of the default size. */
const BACKLOG = 100;

const HOLD_COMMIT_LOCK = 4242;
const HOLD_COMMIT_TRIGGER = `
  CREATE FUNCTION fault_hold_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_advisory_xact_lock(${HOLD_COMMIT_LOCK}); RETURN NULL; END $$;
  CREATE CONSTRAINT TRIGGER fault_hold_commit AFTER UPDATE ON outbox_events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fault_hold_commit();`;

/** Waits until `count` planning jobs are in Redis, whatever became of them since. */
async function waitForEnqueued(bed: FaultBed, count: number): Promise<void> {
  const plans = new Queue(QueueName.Notifications, {
    connection: redisOptions(bed.redis.url),
    prefix: bed.env.QUEUE_PREFIX,
  });
  try {
    await waitFor(
      async () => {
        const counts = await plans.getJobCounts();
        return Object.values(counts).reduce((sum, n) => sum + n, 0) >= count;
      },
      'the batch to be enqueued',
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  } finally {
    await plans.close();
  }
}

describe('fault: the outbox relay is killed mid-batch, then two relays run at once', () => {
  jest.setTimeout(150_000);
  let bed: FaultBed;
  let api: EngineProcess;

  beforeAll(async () => {
    bed = await FaultBed.start();
    api = await bed.engine('api');
  });
  afterAll(() => bed?.close());

  const unpublished = async () =>
    Number(
      (
        await bed.postgres.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL',
        )
      )[0].n,
    );

  it('loses nothing and doubles nothing', async () => {
    const cast = await bed.castThrough(api);
    // No worker yet: every submission waits in the outbox.
    await submitMany([api], cast.onRequest.requester.token, BACKLOG);
    expect(await unpublished()).toBe(BACKLOG);

    // A deferred trigger makes the relay's commit wait on a lock the test holds: the relay is then
    // caught exactly between "jobs in Redis" and "rows published", whatever order it does them in.
    const blocker = new Client({ connectionString: bed.postgres.url });
    blocker.on('error', () => undefined);
    await blocker.connect();
    let inDoubt: Set<string>;
    try {
      await blocker.query('SELECT pg_advisory_lock($1)', [HOLD_COMMIT_LOCK]);
      await blocker.query(HOLD_COMMIT_TRIGGER);
      const first = await bed.engine('worker');
      await waitForEnqueued(bed, BACKLOG);
      await first.kill('SIGKILL');
      inDoubt = await acceptedButUnrecorded(bed.postgres, bed.smtp);
    } finally {
      await blocker.query('DROP FUNCTION IF EXISTS fault_hold_commit() CASCADE');
      await blocker.query('SELECT pg_advisory_unlock($1)', [HOLD_COMMIT_LOCK]);
      await blocker.end();
    }
    expect(await unpublished()).toBe(BACKLOG);

    // Two relays at once, in small batches so they interleave, while more requests come in.
    const small = { RELAY_BATCH_SIZE: '10' };
    await Promise.all([bed.engine('worker', small), bed.engine('worker', small)]);
    await submitMany([api], cast.onRequest.requester.token, 30);
    const result = await settledReconciliation(
      bed.postgres,
      bed.redis.url,
      bed.env.QUEUE_PREFIX,
      bed.smtp,
      { timeoutMs: 90_000 },
    );
    expect(await unpublished()).toBe(0);
    expect(result.events).toBe(BACKLOG + 30);
    expectExactlyOnce(result, inDoubt);
  });
});
