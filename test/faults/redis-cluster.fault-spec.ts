import Redis from 'ioredis';
import { EngineProcess } from '../helpers/engine-process';
import { redisCommand } from '../helpers/throwaway-redis';
import { ThrowawayRedisCluster } from '../helpers/throwaway-redis-cluster';
import { FaultBed } from './fault-bed';
import { killWorkerMidFlight } from './worker-kill.scenario';
/** A hash tag: every key of the engine in one slot, as BullMQ's scripts need on a cluster. */
const PREFIX = '{raci-faults}';

describe.each([
  { over: 'plain TCP', tls: false },
  { over: 'TLS (rediss+cluster://)', tls: true },
])(
  'fault: on a Redis Cluster of 3 masters over $over, the worker is killed (kill -9) mid-flight',
  ({ tls }) => {
    let cluster: ThrowawayRedisCluster;
    let bed: FaultBed;
    let api: EngineProcess;

    beforeAll(async () => {
      cluster = await ThrowawayRedisCluster.start({ tls });
      // The bed's own single Redis stays idle: every process is pointed at the cluster, and over
      // TLS trusts its certificates as an operator's would, through Node's own setting.
      const trust: Record<string, string> = tls ? { NODE_EXTRA_CA_CERTS: cluster.caFile } : {};
      bed = await FaultBed.start({
        env: { REDIS_URL: cluster.url, QUEUE_PREFIX: PREFIX, ...trust },
      });
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
      if (tls) await expect(plainPing(cluster.ports[0])).rejects.toThrow();
    });

    it('delivers every owed message exactly once after the worker restarts', async () => {
      // The test's own reads of the queues trust the cluster through their client's options.
      const redis = tls ? () => cluster.client() : cluster.url;
      await killWorkerMidFlight(bed, api, { redis, prefix: PREFIX });
      expect(bed.crashes()).toEqual([]);
    });

    it("kept every key of the engine under its hash tag, on the cluster's masters", async () => {
      const keys = (await Promise.all(cluster.ports.map((port) => cluster.keysOn(port)))).flat();
      expect(
        keys.filter((key) => key.startsWith(`${PREFIX}:notifications:`)).length,
      ).toBeGreaterThan(0);
      expect(keys.filter((key) => !key.startsWith(`${PREFIX}:`))).toEqual([]);
      // The bed's single Redis was never used.
      const single = new Redis(bed.redis.url);
      try {
        expect(await single.dbsize()).toBe(0);
      } finally {
        single.disconnect();
      }
    });
  },
);

/** A PING without TLS: a node that speaks only TLS never answers it. */
function plainPing(port: number): Promise<unknown> {
  return redisCommand(port, ['PING'], {
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
  });
}
