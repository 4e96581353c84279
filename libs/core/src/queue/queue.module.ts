import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { redisOptions } from '../redis/redis-connection';
import { RedisEvictionCheck } from '../redis/redis-eviction-check';

/**
 * BullMQ's shared Redis connection and key prefix, and the eviction-policy check at start; queues
 * are registered by the libs that own them.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.env.REDIS_URL),
        prefix: config.env.QUEUE_PREFIX,
      }),
    }),
  ],
  providers: [RedisEvictionCheck],
})
export class QueueModule {}
