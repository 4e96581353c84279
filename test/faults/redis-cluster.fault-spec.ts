import Redis from 'ioredis';
import { EngineProcess } from '../helpers/engine-process';
import { ThrowawayRedisCluster } from '../helpers/throwaway-redis-cluster';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, submitMany } from './fault-bed';
import { acceptedButUnrecorded, expectExactlyOnce, settledReconciliation } from './reconcile';

/** Enough requests for hundreds of messages: each owes four. */
const REQUESTS = 60;
/** A hash tag: every key of the engine in one slot, as BullMQ's scripts need on a cluster. */
const PREFIX = '{raci-faults}';

describe('fault: on a Redis Cluster of 3 masters, the worker is killed (kill -9) mid-flight', () => {
  jest.setTimeout(180_000);
  let cluster: ThrowawayRedisCluster;
  let bed: FaultBed;
  let api: EngineProcess;

  beforeAll(async () => {
    cluster = await ThrowawayRedisCluster.start();
    // The bed's own single Redis stays idle: every process is pointed at the cluster.
    bed = await FaultBed.start({ env: { REDIS_URL: cluster.url, QUEUE_PREFIX: PREFIX } });
    api = await bed.engine('api');
  });
  afterAll(async () => {
    await bed?.close();
    await cluster?.stop();
  });

  it('is a cluster of three masters sharing the slots', async () => {
    for (const port of cluster.ports) {
      expect(await cluster.info(port)).toMatchObject({
        cluster_state: 'ok',
        cluster_known_nodes: '3',
        cluster_size: '3',
        cluster_slots_assigned: '16384',
      });
    }
  });

  it('delivers every owed message exactly once after the worker restarts', async () => {
    const cast = await bed.castThrough(api);
    // The SMTP listener refuses for now, so the messages pile up in flight inside the worker.
    bed.smtp.refuseWith = 451;
    const worker = await bed.engine('worker');
    const arrived = bed.smtp.messages.length;
    await submitMany([api], cast.onRequest.requester.token, REQUESTS);
    await waitFor(() => bed.smtp.refusals >= 50, 'messages in flight', { intervalMs: 100 });
    bed.smtp.refuseWith = undefined;
    await waitFor(() => bed.smtp.messages.length >= arrived + 20, 'deliveries under way', {
      intervalMs: 10,
    });
    await worker.kill('SIGKILL');
    const beforeRestart = bed.smtp.messages.length;
    const inDoubt = await acceptedButUnrecorded(bed.postgres, bed.smtp);

    await worker.start();
    const result = await settledReconciliation(bed.postgres, cluster.url, PREFIX, bed.smtp, {
      timeoutMs: 120_000,
    });
    expect(result.events).toBeGreaterThanOrEqual(REQUESTS);
    expect(result.expected).toBeGreaterThanOrEqual(REQUESTS * 4);
    expect(beforeRestart).toBeLessThan(result.expected);
    // At most one message per mail slot (concurrency 8) can be caught between the two steps.
    expect(inDoubt.size).toBeLessThanOrEqual(8);
    expectExactlyOnce(result, inDoubt);
    expect(bed.crashes()).toEqual([]);
  });

  it("kept every key of the engine under its hash tag, on the cluster's masters", async () => {
    const keys = (await Promise.all(cluster.ports.map((port) => cluster.keysOn(port)))).flat();
    expect(keys.filter((key) => key.startsWith(`${PREFIX}:notifications:`)).length).toBeGreaterThan(
      0,
    );
    expect(keys.filter((key) => !key.startsWith(`${PREFIX}:`))).toEqual([]);
    // The bed's single Redis was never used.
    const single = new Redis(bed.redis.url);
    try {
      expect(await single.dbsize()).toBe(0);
    } finally {
      single.disconnect();
    }
  });
});
