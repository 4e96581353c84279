import { z } from 'zod';
import { booleanFlag } from './env-types';
import { isRedisUrl } from '../../redis/redis-connection';

/** Redis, BullMQ and the outbox relay. */
export const QUEUE_ENV = {
  REDIS_URL: z
    .string()
    .refine(isRedisUrl, {
      message:
        'must be a URL starting with redis://, rediss://, redis+sentinel://, redis+cluster:// ' +
        'or rediss+cluster://',
    })
    .meta({ 'x-schemes': ['redis', 'rediss', 'redis+sentinel', 'redis+cluster', 'rediss+cluster'] })
    .default('redis://127.0.0.1:6379')
    .describe(
      "BullMQ's Redis: one server, `redis://[user:password@]host:port[/db]` (`rediss://` for " +
        'TLS), or a Sentinel set, `redis+sentinel://[:password@]host:26379,host:26379/<master ' +
        "name>[/db]`, whose failovers the engine follows (the password is the master's), or a " +
        'Redis Cluster, `redis+cluster://[[user]:password@]host:port[,host:port…]` (any nodes of ' +
        'it; the engine finds the others; `rediss+cluster://` for TLS to every node), which ' +
        'needs a hash-tagged `QUEUE_PREFIX`. ' +
        'Unreachable at start: the process exits within ' +
        '`REDIS_CONNECT_TIMEOUT_S`, or, in the embedded default on this machine, starts a local ' +
        '`redis-server` under `var/redis/` (see docs/reliability.md).',
    ),
  REDIS_CONNECT_TIMEOUT_S: z.coerce
    .number()
    .min(1)
    .max(60)
    .default(5)
    .describe('Seconds a process waits for Redis at start before it exits, saying so in one line.'),
  QUEUE_PREFIX: z
    .string()
    .min(1)
    .default('raci')
    .describe(
      'Key prefix of every BullMQ queue: the same in every process of a deployment, different ' +
        'for two deployments sharing a Redis. On a Redis Cluster it must hold a hash tag, e.g. ' +
        '`{raci}`, or the process refuses to start: every key of the engine then lives in one ' +
        "slot, as BullMQ's scripts and the engine's own need (see docs/reliability.md).",
    ),
  RELAY_POLL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(60_000)
    .default(500)
    .describe(
      'How often the outbox relay looks for events when nothing wakes it (ms). A relay in the ' +
        'API process is woken by each change; in a separate worker it finds them at this poll.',
    ),
  RELAY_BATCH_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(5_000)
    .default(200)
    .describe('Outbox events the relay moves to Redis per batch.'),
  RELAY_ENABLED: booleanFlag
    .default(true)
    .describe(
      'Whether this process runs the outbox relay, if it runs the worker. Several relays share ' +
        'the work safely; turn it off to run the relay elsewhere.',
    ),
};
