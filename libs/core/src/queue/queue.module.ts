import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { redisOptions } from '../redis/redis-connection';

/** BullMQ's shared Redis connection and key prefix; queues are registered by the libs that own them. */
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
})
export class QueueModule {}
