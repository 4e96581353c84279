import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedisClient, RedisClient } from '@app/core';

/**
 * Takes a lease in the endpoint's set and the organization's set at once, or in neither: expired
 * leases (a worker that died holding one) are dropped first, and a job that holds one already
 * (run again) keeps it.
 * KEYS: endpoint set, organization set. ARGV: now, lease end, holder, endpoint limit,
 * organization limit, key time-to-live (ms).
 */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local held = redis.call('ZSCORE', KEYS[1], ARGV[3])
if not held then
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return 0 end
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
return 1
`;

/** Beyond the POST's own limit, the time a lease allows for the database writes around it. */
const LEASE_MARGIN_MS = 30_000;

export interface SlotHolder {
  endpointId: string;
  organizationId: string;
  /** The job's id: one lease per job. */
  holder: string;
}

/**
 * How many POSTs may be in flight at once, to one endpoint and to one organization's endpoints,
 * across every worker process: counting semaphores in Redis, made of leases that expire, so a
 * worker that dies holding one frees it after WEBHOOK_TIMEOUT_MS and a margin. This is what keeps
 * one tenant's slow or dead endpoints from holding every worker slot while others wait.
 */
@Injectable()
export class WebhookSlots implements OnModuleDestroy {
  private readonly redis: RedisClient;
  private readonly prefix: string;
  private readonly endpointLimit: number;
  private readonly organizationLimit: number;
  private readonly leaseMs: number;

  constructor(config: AppConfig) {
    // Connects at the first delivery: a process that runs no worker never opens it.
    this.redis = createRedisClient(config.env.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    this.redis.on('error', () => undefined);
    this.prefix = `${config.env.QUEUE_PREFIX}:webhook-slots`;
    this.endpointLimit = config.env.WEBHOOK_ENDPOINT_CONCURRENCY;
    this.organizationLimit = config.env.WEBHOOK_ORGANIZATION_CONCURRENCY;
    this.leaseMs = config.env.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS;
  }

  /** Whether a slot was free for this POST; when true, `release` it after. */
  async acquire(slot: SlotHolder): Promise<boolean> {
    const now = Date.now();
    const answer = await this.redis.eval(
      ACQUIRE,
      2,
      ...this.keys(slot),
      now,
      now + this.leaseMs,
      slot.holder,
      this.endpointLimit,
      this.organizationLimit,
      this.leaseMs,
    );
    return answer === 1;
  }

  async release(slot: SlotHolder): Promise<void> {
    const [endpoint, organization] = this.keys(slot);
    await this.redis.multi().zrem(endpoint, slot.holder).zrem(organization, slot.holder).exec();
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private keys({ endpointId, organizationId }: SlotHolder): [string, string] {
    return [
      `${this.prefix}:endpoint:${endpointId}`,
      `${this.prefix}:organization:${organizationId}`,
    ];
  }
}
