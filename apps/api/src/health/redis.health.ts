import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig, createRedisClient, RedisClient, withTimeout } from '@app/core';

const PING_TIMEOUT_MS = 1_000;

/**
 * Redis is up when it answers PING within a second. A client of its own, with no offline queue,
 * so a probe during an outage answers at once instead of waiting for a reconnect.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleInit, OnModuleDestroy {
  private readonly client: RedisClient;

  constructor(
    config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = createRedisClient(config.env.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    this.client.on('error', () => undefined);
  }

  async onModuleInit(): Promise<void> {
    await this.client.connect().catch(() => undefined);
  }

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      await withTimeout(this.client.ping(), PING_TIMEOUT_MS, 'PING');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
