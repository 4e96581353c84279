import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppConfig, createRedisClient, RedisClient, withTimeout } from '@app/core';

/** A Redis that does not take a publish this fast is treated as down (the poll still tells). */
const PUBLISH_MS = 1_000;

/** The channel on which a newly active catalog version is announced to every process. */
export function catalogVersionsChannel(prefix: string): string {
  return `${prefix}:catalog-versions`;
}

/**
 * Announces on Redis that a catalog version became active; every process subscribes
 * (CatalogVersionsWatcher). A failed publish is logged only: each process also polls the database.
 */
@Injectable()
export class CatalogVersionsAnnouncer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CatalogVersionsAnnouncer.name);
  private redis?: RedisClient;

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.redis = createRedisClient(this.config.env.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.redis.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  async announce(version: number): Promise<void> {
    if (!this.redis) return;
    try {
      await withTimeout(
        this.redis.publish(catalogVersionsChannel(this.config.env.QUEUE_PREFIX), String(version)),
        PUBLISH_MS,
        'announcing a catalog version',
      );
    } catch (error) {
      this.logger.warn(`catalog version ${version} not announced: ${(error as Error).message}`);
    }
  }
}
