import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedisClient, RedisClient, withTimeout } from '@app/core';
import { AuthFailureCounter, FailureCount } from './auth-failure-counter';

/** A Redis that does not answer this fast is treated as down: authentication must not wait on it. */
const REDIS_ANSWER_MS = 250;

/**
 * Counts failures in Redis under the engine's key prefix, so that every API process sees the same
 * count. Its connection never queues commands while Redis is away: a call fails at once instead,
 * and the limiter lets the request through (fail open).
 */
@Injectable()
export class RedisFailureCounter extends AuthFailureCounter implements OnModuleDestroy {
  private readonly redis: RedisClient;
  private readonly prefix: string;

  constructor(config: AppConfig) {
    super();
    this.prefix = `${config.env.QUEUE_PREFIX}:auth-failures:`;
    this.redis = createRedisClient(config.env.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Connection errors surface as failed commands; the limiter reports those.
    this.redis.on('error', () => undefined);
  }

  async increment(client: string, windowSeconds: number): Promise<FailureCount> {
    const key = this.prefix + client;
    // SET NX starts the window at the first failure; INCR keeps its expiry.
    const results = await withTimeout(
      this.redis.multi().set(key, 0, 'EX', windowSeconds, 'NX').incr(key).ttl(key).exec(),
      REDIS_ANSWER_MS,
      'Redis INCR of an authentication failure',
    );
    if (!results) throw new Error('the Redis transaction was aborted');
    const [, [incrError, count], [ttlError, ttl]] = results;
    const failed = incrError ?? ttlError;
    if (failed) throw failed;
    return { count: Number(count), secondsLeft: Number(ttl) > 0 ? Number(ttl) : windowSeconds };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
