import Redis, { RedisOptions } from 'ioredis';
import { withTimeout } from '../async/with-timeout';
import { maskUrl } from '../logging/redaction';

const SENTINEL_SCHEME = 'redis+sentinel://';
/** `redis+sentinel://[[user]:password@]host:port[,host:port…]/master[/db]` */
const SENTINEL_URL =
  /^redis\+sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@]+)\/([^/]+)(?:\/(\d+))?$/;
const SENTINEL_HOST = /^[^:,\s]+(?::\d{1,5})?$/;

/** Whether REDIS_URL names one Redis (`redis://`, `rediss://`) or a Sentinel set (`redis+sentinel://`). */
export function isRedisUrl(value: string): boolean {
  if (value.startsWith(SENTINEL_SCHEME)) {
    const match = SENTINEL_URL.exec(value);
    return !!match && match[3].split(',').every((host) => SENTINEL_HOST.test(host));
  }
  return /^rediss?:\/\//.test(value) && URL.canParse(value);
}

/** ioredis options without `retryStrategy`, whose `null` BullMQ's connection type does not take. */
export type ConnectionSettings = Omit<RedisOptions, 'retryStrategy'>;

/**
 * Options every ioredis connection of the engine uses. BullMQ needs `maxRetriesPerRequest: null`
 * on blocking connections so that a Redis restart pauses workers instead of failing them; ioredis
 * reconnects forever by default, so workers resume by themselves once Redis is back.
 */
export function redisOptions(url: string): ConnectionSettings {
  if (url.startsWith(SENTINEL_SCHEME)) return sentinelOptions(url);
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

/**
 * A Sentinel set: ioredis asks the sentinels where the master named in the path is, and asks again
 * after a failover. The password (if any) is the master's.
 */
function sentinelOptions(url: string): ConnectionSettings {
  const match = SENTINEL_URL.exec(url);
  if (!match) throw new Error('REDIS_URL is not a valid redis+sentinel:// URL');
  const [, username, password, hosts, name, db] = match;
  return {
    sentinels: hosts.split(',').map((host) => {
      const [hostname, port] = host.split(':');
      return { host: hostname, port: Number(port || 26379) };
    }),
    name: decodeURIComponent(name),
    username: username ? decodeURIComponent(username) : undefined,
    password: password ? decodeURIComponent(password) : undefined,
    db: db ? Number(db) : 0,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
  };
}

/** Thrown when Redis does not answer at start; its message is the one line an operator needs. */
export class RedisUnreachableError extends Error {
  constructor(
    /** REDIS_URL without its password. */
    readonly maskedUrl: string,
    /** Why the connection failed, as the client said. */
    readonly reason: string,
  ) {
    super(
      `Redis is not reachable at ${maskedUrl} (${reason}). ` +
        'Start one with `redis-server --daemonize yes` or `docker compose up -d redis`, or set REDIS_URL.',
    );
  }
}

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
    throw new RedisUnreachableError(maskUrl(url), (error as Error).message);
  } finally {
    client.disconnect();
  }
}
