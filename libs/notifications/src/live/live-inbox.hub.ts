import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedisClient, RedisClient, withTimeout } from '@app/core';
import { InboxListener, InboxSignal, inboxChannel, parseSignal, reaches } from './inbox-signal';

/** One open stream of a console: who it is, what to do with a signal, how to end it. */
export interface InboxSubscriber extends InboxListener {
  deliver(signal: InboxSignal): void;
  /** Ends the stream: this process is shutting down. */
  end(): void;
}

/**
 * The inbox channel's one subscriber connection in this process, opened when the first stream
 * opens, and the streams it fans each signal out to: to each only the signals of requests its
 * organization is a party to. ioredis subscribes again by itself after a reconnection.
 */
@Injectable()
export class LiveInboxHub implements OnModuleDestroy {
  private readonly logger = new Logger(LiveInboxHub.name);
  private readonly channel: string;
  private readonly subscribers = new Set<InboxSubscriber>();
  private redis?: RedisClient;
  private subscribed?: Promise<unknown>;

  constructor(private readonly config: AppConfig) {
    this.channel = inboxChannel(config.env.QUEUE_PREFIX);
  }

  /** Adds a stream; the function returned removes it (call it when the client goes away). */
  listen(subscriber: InboxSubscriber): () => void {
    this.connect();
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * Resolves once the channel is subscribed, so that a stream opened now hears what happens next;
   * or after `ms` while Redis is away (the subscription follows when it is back).
   */
  async ready(ms = 2_000): Promise<void> {
    await withTimeout(
      this.subscribed ?? Promise.resolve(),
      ms,
      'subscribing to inbox events',
    ).catch(() => undefined);
  }

  /** How many streams this process serves, for tests and metrics. */
  get size(): number {
    return this.subscribers.size;
  }

  onModuleDestroy(): void {
    for (const subscriber of [...this.subscribers]) subscriber.end();
    this.subscribers.clear();
    this.redis?.disconnect();
    this.redis = undefined;
    this.subscribed = undefined;
  }

  private connect(): void {
    if (this.redis) return;
    const redis = createRedisClient(this.config.env.REDIS_URL);
    redis.on('error', () => undefined);
    redis.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.fanOut(message);
    });
    this.subscribed = redis.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`not subscribed to inbox events: ${(error as Error).message}`);
    });
    this.redis = redis;
  }

  private fanOut(message: string): void {
    const signal = parseSignal(message);
    if (!signal) return;
    for (const subscriber of this.subscribers) {
      if (reaches(signal, subscriber)) subscriber.deliver(signal);
    }
  }
}
