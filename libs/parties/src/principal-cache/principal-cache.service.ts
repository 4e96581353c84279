import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedisClient, RedisClient, withTimeout } from '@app/core';
import type { Principal } from '../parties.types';
import { PrincipalCache } from './principal-cache';

/** Credentials kept at most in one process: a few MiB, however many people call. */
const MAX_ENTRIES = 10_000;
/** A Redis that does not take a publish this fast is treated as down (the TTL still bounds). */
const PUBLISH_MS = 1_000;
/** How long a start waits for the subscription before serving anyway (the TTL still bounds). */
const SUBSCRIBE_MS = 2_000;

/**
 * The channel on which a change to what a principal may do is announced to every process. It
 * begins with the prefix, so a hash-tagged prefix (`{raci}`) keeps the channel in its slot.
 */
export function principalsChannel(prefix: string): string {
  return `${prefix}:principals`;
}

/**
 * What each credential is kept under: the SHA-256 the database keeps of a token or a session, the
 * SHA-256 of a subject. Never the credential itself.
 */
export const principalKey = {
  token: (tokenHash: string): string => `token:${tokenHash}`,
  session: (tokenHash: string): string => `session:${tokenHash}`,
  subject: (subject: string): string =>
    `subject:${createHash('sha256').update(subject, 'utf8').digest('hex')}`,
};

/** One invalidation: a credential (by the hash it is cached under), or every credential of a user. */
export type PrincipalInvalidation = { credential: string } | { user: string };

/** What a load found: the principal, and when its credential ends at the latest. */
export interface LoadedPrincipal {
  principal: Principal;
  endsAt?: Date;
}

/**
 * Principals of tokens, sessions and identity provider subjects, kept in this process for at most
 * `AUTH_CACHE_TTL_MS`, so an authenticated call needs no database round trip. A revocation,
 * sign-out, deactivation or role change clears them here at once and, through Redis, in every
 * other process; while Redis is away the TTL alone bounds how stale an entry can be. The Redis
 * connections open on first use: a process that authenticates nobody opens none.
 */
@Injectable()
export class PrincipalCacheService implements OnModuleDestroy {
  private readonly logger = new Logger(PrincipalCacheService.name);
  private readonly cache: PrincipalCache;
  private readonly channel: string;
  private subscriber?: RedisClient;
  private subscribed?: Promise<unknown>;
  private publisher?: RedisClient;
  /** Settles once the publisher first connects: a publish before that would fail at once. */
  private publisherReady?: Promise<unknown>;
  private failures = 0;

  constructor(private readonly config: AppConfig) {
    this.cache = new PrincipalCache(config.env.AUTH_CACHE_TTL_MS, MAX_ENTRIES);
    this.channel = principalsChannel(config.env.QUEUE_PREFIX);
  }

  /**
   * Subscribes now, for a process about to serve calls, and resolves once subscribed (or after a
   * while with Redis away: the subscription follows when it is back).
   */
  async listen(): Promise<void> {
    if (this.cache.ttlMs <= 0) return;
    this.subscribe();
    this.connectPublisher();
    await withTimeout(this.subscribed!, SUBSCRIBE_MS, 'subscribing to principal changes').catch(
      () => undefined,
    );
  }

  /** The principal kept for `key`, or what `load` reads (kept when it found one). */
  async principal(
    key: string,
    load: () => Promise<LoadedPrincipal | null>,
  ): Promise<Principal | null> {
    if (this.cache.ttlMs <= 0) return (await load())?.principal ?? null;
    this.subscribe();
    const kept = this.cache.get(key);
    if (kept) return kept;
    const since = this.cache.begin();
    const loaded = await load();
    if (loaded) this.cache.set(key, loaded.principal, since, loaded.endsAt);
    return loaded?.principal ?? null;
  }

  /**
   * Clears an entry here, then announces it to every process; awaited, so that the answer to the
   * change leaves after the announcement. Never throws: the change has committed.
   */
  async invalidate(what: PrincipalInvalidation): Promise<void> {
    this.drop(what);
    if (this.cache.ttlMs <= 0) return;
    try {
      const publisher = this.connectPublisher();
      await withTimeout(
        this.publisherReady!.then(() => publisher.publish(this.channel, JSON.stringify(what))),
        PUBLISH_MS,
        'announcing a principal change',
      );
      this.failures = 0;
    } catch (error) {
      this.failures++;
      if (this.failures === 1 || this.failures % 100 === 0) {
        this.logger.warn(
          `a principal change was not announced (${this.failures} in a row), other processes ` +
            `keep theirs at most ${this.cache.ttlMs} ms: ${(error as Error).message}`,
        );
      }
    }
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  private drop(what: PrincipalInvalidation): void {
    if ('credential' in what) this.cache.dropCredential(what.credential);
    else this.cache.dropUser(what.user);
  }

  private connectPublisher(): RedisClient {
    if (this.publisher) return this.publisher;
    this.publisher = createRedisClient(this.config.env.REDIS_URL, {
      // While Redis is away a publish fails at once instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.publisher.on('error', () => undefined);
    const publisher = this.publisher;
    this.publisherReady = new Promise((resolve) => publisher.once('ready', resolve));
    return this.publisher;
  }

  /** ioredis subscribes again after a reconnection; what was missed meanwhile is cleared. */
  private subscribe(): void {
    if (this.subscriber) return;
    const subscriber = createRedisClient(this.config.env.REDIS_URL);
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.received(message);
    });
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) this.cache.clear();
      connectedBefore = true;
    });
    this.subscribed = subscriber
      .subscribe(this.channel)
      .catch((error: unknown) =>
        this.logger.warn(`not subscribed to principal changes: ${(error as Error).message}`),
      );
    this.subscriber = subscriber;
  }

  private received(message: string): void {
    const what = parseInvalidation(message);
    if (what) this.drop(what);
    else this.cache.clear();
  }
}

/** An invalidation as published, or null for anything else (then everything is cleared). */
export function parseInvalidation(message: string): PrincipalInvalidation | null {
  try {
    const value = JSON.parse(message) as Record<string, unknown>;
    if (typeof value.credential === 'string') return { credential: value.credential };
    if (typeof value.user === 'string') return { user: value.user };
  } catch {
    // Not JSON: treated as unknown.
  }
  return null;
}
