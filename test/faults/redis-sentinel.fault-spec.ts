import Redis from 'ioredis';
import { Cast } from '../factories/cast.factory';
import { EngineProcess } from '../helpers/engine-process';
import { ThrowawayRedisSentinel } from '../helpers/throwaway-redis-sentinel';
import { FaultBed, submitMany } from './fault-bed';
import { expectExactlyOnce, settledReconciliation } from './reconcile';

const PREFIX = 'raci-faults';

describe('fault: the Sentinel set fails its master over to the replica', () => {
  jest.setTimeout(120_000);
  let sentinel: ThrowawayRedisSentinel;
  let bed: FaultBed;
  let api: EngineProcess;
  let cast: Cast;

  const delivered = async () =>
    expectExactlyOnce(await settledReconciliation(bed.postgres, sentinel.url, PREFIX, bed.smtp));
  const keysOn = async (port: number) => {
    const client = new Redis({ host: '127.0.0.1', port });
    try {
      return await client.keys(`${PREFIX}:*`);
    } finally {
      client.disconnect();
    }
  };

  beforeAll(async () => {
    sentinel = await ThrowawayRedisSentinel.start();
    // The bed's own single Redis stays idle: every process asks the sentinel for the master.
    bed = await FaultBed.start({ env: { REDIS_URL: sentinel.url, QUEUE_PREFIX: PREFIX } });
    api = await bed.engine('api');
    await bed.engine('worker');
    cast = await bed.castThrough(api);
  });
  afterAll(async () => {
    await bed?.close();
    await sentinel?.stop();
  });

  it('queues on the master the sentinel names, and delivers every message once', async () => {
    await submitMany([api], cast.onRequest.requester.token, 10);
    await delivered();
    expect((await keysOn(await sentinel.masterPort())).length).toBeGreaterThan(0);
    // The bed's single Redis was never used.
    expect(await keysOn(bed.redis.port)).toEqual([]);
  });

  it('follows the failover: what is submitted after it is delivered, exactly once', async () => {
    const before = await sentinel.masterPort();
    await sentinel.failover();
    const after = await sentinel.masterPort();
    expect(after).not.toBe(before);

    // The old master is now a replica, which refuses writes: these jobs reach the new one, or none.
    await submitMany([api], cast.onRequest.requester.token, 10);
    await delivered();
    expect(bed.crashes()).toEqual([]);
  });
});
