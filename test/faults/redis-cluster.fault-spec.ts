import Redis from 'ioredis';
import { EngineProcess } from '../helpers/engine-process';
import { ThrowawayRedisCluster } from '../helpers/throwaway-redis-cluster';
import { FaultBed } from './fault-bed';
import { killWorkerMidFlight } from './worker-kill.scenario';
/** A hash tag: every key of the engine in one slot, as BullMQ's scripts need on a cluster. */
const PREFIX = '{raci-faults}';

describe('fault: on a Redis Cluster of 3 masters, the worker is killed (kill -9) mid-flight', () => {
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
    await killWorkerMidFlight(bed, api, { redisUrl: cluster.url, prefix: PREFIX });
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
