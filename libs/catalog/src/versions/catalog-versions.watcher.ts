import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, createRedisClient, RedisClient } from '@app/core';
import { CatalogActivationService } from './catalog-activation.service';
import { catalogVersionsChannel } from './catalog-versions.announcer';

/**
 * Keeps this process on the active catalog version: reads it again when Redis announces one, and
 * every `CATALOG_POLL_MS` anyway (a missed announcement, approved versions falling due).
 */
@Injectable()
export class CatalogVersionsWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CatalogVersionsWatcher.name);
  private subscriber?: RedisClient;
  private timer?: NodeJS.Timeout;
  private running = Promise.resolve();
  private failures = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly activation: CatalogActivationService,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriber = createRedisClient(this.config.env.REDIS_URL);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => this.check(false));
    this.subscriber
      .subscribe(catalogVersionsChannel(this.config.env.QUEUE_PREFIX))
      .catch((error: unknown) =>
        this.logger.warn(`not subscribed to catalog versions: ${(error as Error).message}`),
      );
    this.timer = setInterval(() => this.check(true), this.config.env.CATALOG_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.subscriber?.disconnect();
    await this.running;
  }

  /** One check at a time; a failure (the database away) is logged and the next check tries again. */
  private check(activateDue: boolean): void {
    this.running = this.running
      .then(async () => {
        if (activateDue) await this.activation.activateDue();
        await this.activation.sync();
        this.failures = 0;
      })
      .catch((error: unknown) => {
        // Said once, then every 100th time, while the database stays away.
        this.failures++;
        if (this.failures === 1 || this.failures % 100 === 0) {
          this.logger.warn(
            `catalog version check failed (${this.failures} in a row): ${(error as Error).message}`,
          );
        }
      });
  }
}
