import Redis, { Cluster, RedisOptions } from 'ioredis';
import { withTimeout } from '../async/with-timeout';
import { maskUrl } from '../logging/redaction';
import { isClusterUrl, parseClusterUrl } from './redis-cluster';

const SENTINEL_SCHEME = 'redis+sentinel://';
/** `redis+sentinel://[[user]:password@]host:port[,host:port…]/master[/db]` */
const SENTINEL_URL =
  /^redis\+sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@]+)\/([^/]+)(?:\/(\d+))?$/;
const SENTINEL_HOST = /^[^:,\s]+(?::\d{1,5})?$/;

/**
 * Whether REDIS_URL names one Redis (`redis://`, `rediss://`), a Sentinel set (`redis+sentinel://`)
 * or a Redis Cluster (`redis+cluster://`).
 */
export function isRedisUrl(value: string): boolean {
  if (isClusterUrl(value)) return parseClusterUrl(value) !== undefined;
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
  if (isClusterUrl(url)) return clusterNodeOptions(url);
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

/** What every node of a cluster is connected with; the nodes themselves come from the cluster. */
function clusterNodeOptions(url: string): ConnectionSettings {
  const cluster = parseClusterUrl(url);
  if (!cluster) throw new Error('REDIS_URL is not a valid redis+cluster:// URL');
  return {
    username: cluster.username,
    password: cluster.password,
    tls: cluster.tls ? {} : undefined,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
  };
}

/** One Redis or a Redis Cluster: the client `createRedisClient` makes for REDIS_URL. */
export type RedisClient = Redis | Cluster;

/** Settings a connection of the engine may change from the defaults of `redisOptions`. */
export interface RedisClientSettings {
  lazyConnect?: boolean;
  enableOfflineQueue?: boolean;
  maxRetriesPerRequest?: number | null;
  connectTimeout?: number;
  /** Delay before the next reconnection (ms), or null to give up; on a cluster, the cluster's. */
  retryStrategy?: (attempt: number) => number | null;
}

/**
 * The one way the engine opens a Redis connection: one server or a Sentinel set as an ioredis
 * `Redis`, a `redis+cluster://` URL as an ioredis `Cluster`, which finds every master from the
 * seed nodes and sends each key to the master that holds its slot. Over TLS the seeds are dialled
 * by the names the URL gives, not first resolved to addresses, so that their certificates are
 * checked against those names.
 */
export function createRedisClient(url: string, settings: RedisClientSettings = {}): RedisClient {
  if (!isClusterUrl(url)) return new Redis({ ...redisOptions(url), ...settings });
  const { lazyConnect, enableOfflineQueue, retryStrategy, ...perNode } = settings;
  const cluster = parseClusterUrl(url);
  if (!cluster) throw new Error('REDIS_URL is not a valid redis+cluster:// URL');
  return new Cluster(cluster.nodes, {
    ...defined({ lazyConnect, enableOfflineQueue }),
    ...(retryStrategy ? { clusterRetryStrategy: retryStrategy } : {}),
    ...(cluster.tls ? { dnsLookup: keepHostName } : {}),
    enableReadyCheck: true,
    redisOptions: { ...redisOptions(url), ...defined(perNode) },
  });
}

/** ioredis' `dnsLookup` that leaves a host name as it is, for TLS to check it. */
function keepHostName(address: string, callback: (error: null, address: string) => void): void {
  callback(null, address);
}

/** The settings given, without those left undefined (which would hide the client's defaults). */
function defined<T extends object>(settings: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
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
  const client = createRedisClient(url, {
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
