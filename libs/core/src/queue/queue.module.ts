import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { redisOptions } from '../redis/redis-connection';
import { RedisEvictionCheck } from '../redis/redis-eviction-check';
import { JobQueue } from './job-queue.service';
import { QueueName } from './queue-names';

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
        connection: redisOptions(config.env.REDIS_URL),
        prefix: config.env.QUEUE_PREFIX,
      }),
    }),
    QUEUES,
  ],
  providers: [RedisEvictionCheck, JobQueue],
  exports: [QUEUES, JobQueue],
})
export class QueueModule {}
