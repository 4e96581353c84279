import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import Redis, { Cluster } from 'ioredis';
import { withTimeout } from '../async/with-timeout';
import { AppConfig } from '../config/app-config';
import { createRedisClient } from './redis-connection';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * The warning to log for Redis's `maxmemory-policy`, if any. Any policy but `noeviction` lets Redis
 * drop queued jobs under memory pressure, silently losing mail; some managed Redis refuse `CONFIG`,
 * and then the policy cannot be checked.
 */
export function evictionPolicyWarning(
  policy: string | Error,
  /** The cluster master that answered, when Redis is a cluster. */
  node?: string,
): string | undefined {
  if (policy instanceof Error) {
    return (
      `Redis maxmemory-policy could not be checked (${policy.message}): make sure it is ` +
      'noeviction, or Redis may evict queued jobs and lose messages'
    );
  }
  if (policy === 'noeviction') return undefined;
  return (
    `Redis maxmemory-policy is "${policy}"${node ? ` on ${node}` : ''}: set it to noeviction ` +
    '(CONFIG SET maxmemory-policy noeviction), or Redis may evict queued jobs and lose messages'
  );
}

/**
 * At start, warns loudly unless Redis keeps every key it holds (the one policy BullMQ is safe on);
 * on a Redis Cluster, every master is asked, and the first that does not is named.
 */
@Injectable()
export class RedisEvictionCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { policy, node } = await this.policy();
    const warning = evictionPolicyWarning(policy, node);
    if (warning) this.logger.warn(warning);
  }

  /** The first policy that is not `noeviction`, of any master, or `noeviction`. */
  private async policy(): Promise<{ policy: string | Error; node?: string }> {
    const client = createRedisClient(this.config.env.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const masters = client instanceof Cluster ? client.nodes('master') : [client];
      for (const master of masters) {
        const policy = await policyOf(master);
        if (policy === 'noeviction') continue;
        const { host, port } = master.options;
        return { policy, node: client instanceof Cluster ? `${host}:${port}` : undefined };
      }
      return { policy: 'noeviction' };
    } catch (error) {
      return { policy: error as Error };
    } finally {
      client.disconnect();
    }
  }
}

async function policyOf(node: Redis): Promise<string> {
  const answer = await withTimeout<string[]>(
    node.config('GET', 'maxmemory-policy'),
    CHECK_TIMEOUT_MS,
    'CONFIG GET maxmemory-policy',
  );
  if (!answer[1]) throw new Error('no answer');
  return answer[1];
}
