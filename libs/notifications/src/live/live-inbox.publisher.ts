import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  AppConfig,
  REQUEST_EVENT_TYPES,
  RequestEvent,
  createRedisClient,
  RedisClient,
  withTimeout,
} from '@app/core';
import { inboxChannel, signalOf } from './inbox-signal';

/** A Redis that does not take a publish this fast is treated as down. */
const PUBLISH_MS = 1_000;

/**
 * Publishes each request event raised in this process, once its change committed, to the inbox
 * channel, so that every API process can tell its connected consoles. It only publishes: it decides
 * nothing and never touches a request. A failed publish is logged and dropped, never the change's
 * failure (the console also reads its inbox again from time to time).
 */
@Injectable()
export class LiveInboxPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveInboxPublisher.name);
  private readonly channel: string;
  private redis?: RedisClient;
  private failures = 0;

  constructor(
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
  ) {
    this.channel = inboxChannel(config.env.QUEUE_PREFIX);
  }

  onModuleInit(): void {
    this.redis = createRedisClient(this.config.env.REDIS_URL, {
      // While Redis is away a publish fails at once instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.redis.on('error', () => undefined);
    for (const type of REQUEST_EVENT_TYPES) this.events.on(type, this.onEvent);
  }

  onModuleDestroy(): void {
    for (const type of REQUEST_EVENT_TYPES) this.events.off(type, this.onEvent);
    this.redis?.disconnect();
  }

  /** Never throws: the emitter would hand a listener's error to the change that emitted. */
  private readonly onEvent = (event: RequestEvent): void => {
    this.publish(event).catch((error: unknown) => this.failed(error));
  };

  private async publish(event: RequestEvent): Promise<void> {
    if (!this.redis) return;
    await withTimeout(
      this.redis.publish(this.channel, JSON.stringify(signalOf(event))),
      PUBLISH_MS,
      'publishing an inbox event',
    );
    this.failures = 0;
  }

  private failed(error: unknown): void {
    this.failures++;
    if (this.failures === 1 || this.failures % 100 === 0) {
      this.logger.warn(
        `an inbox event was not published (${this.failures} in a row): ${(error as Error).message}`,
      );
    }
  }
}
