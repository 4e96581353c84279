import { Queue } from 'bullmq';
import { JobName, QueueName, redisOptions } from '@app/core';
import { EngineProcess } from '../helpers/engine-process';
import { matrixWithExpiry, MatrixCopy } from '../helpers/matrix-copy';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, submitMany } from './fault-bed';
import { acceptedButUnrecorded, expectExactlyOnce, settledReconciliation } from './reconcile';

/** Enough deadlines that the kill lands while the worker is still expiring. */
const REQUESTS = 80;

describe('fault: the worker is killed (kill -9) while it expires requests at their deadline', () => {
  jest.setTimeout(180_000);
  let matrix: MatrixCopy;
  let bed: FaultBed;
  let api: EngineProcess;
  let deadlines: Queue<unknown, unknown, JobName>;

  beforeAll(async () => {
    matrix = matrixWithExpiry();
    bed = await FaultBed.start({ env: { RACI_DIR: matrix.dir } });
    api = await bed.engine('api');
    deadlines = new Queue(QueueName.Deadlines, {
      connection: redisOptions(bed.redis.url),
      prefix: 'raci-faults',
    });
  });
  afterAll(async () => {
    await deadlines?.close();
    await bed?.close();
    matrix?.remove();
  });

  const expiredCount = async () =>
    Number(
      (
        await bed.postgres.query<{ n: string }>(
          "SELECT COUNT(*) AS n FROM requests WHERE state = 'expired'",
        )
      )[0].n,
    );

  it('expires every request once, with one history entry and every owed message once', async () => {
    const cast = await bed.castThrough(api);
    const worker = await bed.engine('worker');
    const ids = await submitMany([api], cast.onRequest.requester.token, REQUESTS);
    // Each submission schedules its deadline two working days ahead: bring them all to now.
    const scheduled = async () =>
      (await deadlines.getDelayed(0, -1)).filter((job) => job.name === JobName.ApprovalDeadline);
    const deadlineJobs = await waitFor(
      async () => {
        const jobs = await scheduled();
        return jobs.length === REQUESTS ? jobs : undefined;
      },
      'the deadlines to be scheduled',
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await Promise.all(deadlineJobs.map((job) => job.promote()));
    await waitFor(async () => (await expiredCount()) >= 5, 'expiries under way', {
      intervalMs: 10,
    });
    await worker.kill('SIGKILL');
    const beforeRestart = await expiredCount();
    const inDoubt = await acceptedButUnrecorded(bed.postgres, bed.smtp);

    await worker.start();
    await waitFor(async () => (await expiredCount()) === REQUESTS, 'every request to expire', {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    expect(beforeRestart).toBeLessThan(REQUESTS);
    const expiries = await bed.postgres.query<{ request_id: string; n: string }>(
      `SELECT request_id, COUNT(*) AS n FROM audit_entries WHERE event = 'request.expired'
       GROUP BY request_id`,
    );
    expect(expiries.map((row) => row.request_id).sort()).toEqual([...ids].sort());
    expect(expiries.every((row) => Number(row.n) === 1)).toBe(true);
    const events = await bed.postgres.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'request.expired'",
    );
    expect(Number(events[0].n)).toBe(REQUESTS);
    const result = await settledReconciliation(
      bed.postgres,
      bed.redis.url,
      'raci-faults',
      bed.smtp,
      {
        timeoutMs: 120_000,
      },
    );
    expectExactlyOnce(result, inDoubt);
  });
});
