import Redis, { RedisOptions } from 'ioredis';
import { withTimeout } from '../async/with-timeout';
import { maskUrl } from '../logging/redaction';

/**
 * Options every ioredis connection of the engine uses. BullMQ needs `maxRetriesPerRequest: null`
 * on blocking connections so that a Redis restart pauses workers instead of failing them.
 */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
  };
}

/** Thrown when Redis does not answer at start; its message is the one line an operator needs. */
export class RedisUnreachableError extends Error {}

/**
 * Pings Redis once, giving up after `timeoutSeconds`, so a missing Redis stops the start with one
 * clear line instead of a hang or a stack trace.
 */
export async function assertRedisReachable(url: string, timeoutSeconds: number): Promise<void> {
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutSeconds * 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      timeoutSeconds * 1000,
      'PING',
    );
  } catch (error) {
    throw new RedisUnreachableError(
      `Redis is not reachable at ${maskUrl(url)} (${(error as Error).message}). ` +
        'Start one with `redis-server --daemonize yes` or `docker compose up -d redis`, or set REDIS_URL.',
    );
  } finally {
    client.disconnect();
  }
}
