import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { withTimeout } from '../async/with-timeout';
import { AppConfig } from '../config/app-config';
import { redisOptions } from './redis-connection';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * The warning to log for Redis's `maxmemory-policy`, if any. Any policy but `noeviction` lets Redis
 * drop queued jobs under memory pressure, silently losing mail; some managed Redis refuse `CONFIG`,
 * and then the policy cannot be checked.
 */
export function evictionPolicyWarning(policy: string | Error): string | undefined {
  if (policy instanceof Error) {
    return (
      `Redis maxmemory-policy could not be checked (${policy.message}): make sure it is ` +
      'noeviction, or Redis may evict queued jobs and lose messages'
    );
  }
  if (policy === 'noeviction') return undefined;
  return (
    `Redis maxmemory-policy is "${policy}": set it to noeviction ` +
    '(CONFIG SET maxmemory-policy noeviction), or Redis may evict queued jobs and lose messages'
  );
}

/** At start, warns loudly unless Redis keeps every key it holds (the one policy BullMQ is safe on). */
@Injectable()
export class RedisEvictionCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const warning = evictionPolicyWarning(await this.policy());
    if (warning) this.logger.warn(warning);
  }

  private async policy(): Promise<string | Error> {
    const client = new Redis({
      ...redisOptions(this.config.env.REDIS_URL),
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const answer = await withTimeout<string[]>(
        client.config('GET', 'maxmemory-policy'),
        CHECK_TIMEOUT_MS,
        'CONFIG GET maxmemory-policy',
      );
      return answer[1] ?? new Error('no answer');
    } catch (error) {
      return error as Error;
    } finally {
      client.disconnect();
    }
  }
}
