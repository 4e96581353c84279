import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisClient, redisOptions } from '../redis/redis-connection';
import { isClusterUrl } from '../redis/redis-cluster';
import { RedisEvictionCheck } from '../redis/redis-eviction-check';
import { JobQueue } from './job-queue.service';
import { QueueName } from './queue-names';

/**
 * BullMQ's connection: options for one Redis or a Sentinel set, from which BullMQ opens and closes
 * its own connections; on a Redis Cluster, one ioredis `Cluster` that every queue and worker
 * shares (workers open their blocking connections from it), since BullMQ opens a cluster only
 * from a client. The process ends with it at shutdown. Its prefix holds a hash tag (checked at
 * boot), so that each queue's keys, which BullMQ's scripts touch together, share one slot.
 */
function queueConnection(url: string) {
  return isClusterUrl(url) ? createRedisClient(url) : redisOptions(url);
}

const QUEUES = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));

/**
 * BullMQ's shared Redis connection and key prefix, every queue of the engine, the one typed way to
 * enqueue jobs, and the eviction-policy check at start. Processors live with the libs that own them.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: queueConnection(config.env.REDIS_URL),
        prefix: config.env.QUEUE_PREFIX,
      }),
    }),
    QUEUES,
  ],
  providers: [RedisEvictionCheck, JobQueue],
  exports: [QUEUES, JobQueue],
})
export class QueueModule {}
