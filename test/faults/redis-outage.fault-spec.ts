import Redis from 'ioredis';
import { Cast } from '../factories/cast.factory';
import { EngineProcess } from '../helpers/engine-process';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, submitMany } from './fault-bed';
import { expectExactlyOnce, settledReconciliation } from './reconcile';

const EVICTION_WARNING = 'maxmemory-policy is "allkeys-lru"';

describe('fault: Redis stops and starts again', () => {
  jest.setTimeout(120_000);
  let bed: FaultBed;
  let api: EngineProcess;
  let worker: EngineProcess;
  let cast: Cast;

  const setPolicy = async (policy: string) => {
    const client = new Redis(bed.redis.url);
    await client.config('SET', 'maxmemory-policy', policy);
    client.disconnect();
  };
  const reconciled = () =>
    settledReconciliation(bed.postgres, bed.redis.url, bed.env.QUEUE_PREFIX, bed.smtp);

  beforeAll(async () => {
    bed = await FaultBed.start();
    // A Redis that may evict keys: both processes must say so at start.
    await setPolicy('allkeys-lru');
    api = await bed.engine('api');
    worker = await bed.engine('worker');
    cast = await bed.castThrough(api);
  });
  afterAll(() => bed?.close());

  it('warns loudly at start, in the API and the worker, unless the policy is noeviction', async () => {
    for (const engine of [api, worker]) {
      const warnings = engine
        .jsonLogs()
        .filter((line) => String(line.msg).includes(EVICTION_WARNING));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].level).toBe(40);
      expect(String(warnings[0].msg)).toContain('set it to noeviction');
    }
    await setPolicy('noeviction');
    await worker.stop();
    await worker.start();
    expect(worker.logs.filter((line) => line.includes('maxmemory-policy'))).toHaveLength(1);
  });

  it('keeps answering 201 while Redis is down, and delivers everything once it is back', async () => {
    const token = cast.onRequest.requester.token;
    await submitMany([api], token, 10);
    await bed.redis.stop();
    expect(await submitMany([api], token, 30)).toHaveLength(30);
    const unpublished = await bed.postgres.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL',
    );
    expect(Number(unpublished[0].n)).toBeGreaterThanOrEqual(30);
    await bed.redis.start();
    expectExactlyOnce(await reconciled());
  });

  it('the worker resumes by itself after a Redis restart while idle', async () => {
    await bed.redis.stop();
    await bed.redis.start();
    const before = (await reconciled()).received;
    await submitMany([api], cast.onRequest.requester.token, 10);
    const result = await reconciled();
    expect(result.received).toBeGreaterThan(before);
    expectExactlyOnce(result);
    expect(worker.running).toBe(true);
  });

  it('the worker resumes by itself after a Redis restart while busy', async () => {
    const before = (await reconciled()).received;
    const arrived = bed.smtp.messages.length;
    await submitMany([api], cast.onRequest.requester.token, 40);
    await waitFor(() => bed.smtp.messages.length > arrived, 'the worker to be busy sending', {
      intervalMs: 10,
    });
    await bed.redis.stop();
    await bed.redis.start();
    const result = await reconciled();
    expect(result.received).toBeGreaterThanOrEqual(before + 40 * 4);
    expectExactlyOnce(result);
    expect(worker.running).toBe(true);
  });
});
