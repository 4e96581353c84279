import { z } from 'zod';
import { isRedisUrl } from '../redis/redis-connection';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const urlWithScheme = (schemes: string[]) =>
  z
    .string()
    .refine((value) => schemes.some((scheme) => value.startsWith(`${scheme}://`)), {
      message: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    })
    .refine((value) => URL.canParse(value), { message: 'is not a valid URL' });

/**
 * Every environment variable the engine reads, validated once at boot.
 * Anything not listed here is ignored; anything listed with a wrong value stops the start.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL in production and CI; unset means the embedded SQLite file. */
  DATABASE_URL: urlWithScheme(['postgres', 'postgresql']).optional(),
  SQLITE_PATH: z.string().min(1).default('var/raci-engine.sqlite'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a request waits for a PostgreSQL connection (pool or server) before a 503 (ms). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** Longest a PostgreSQL statement may run, server- and client-side, before a 503 (ms). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** One Redis (`redis://`, `rediss://` for TLS) or a Sentinel set (`redis+sentinel://h1:26379,h2:26379/master`). */
  REDIS_URL: z
    .string()
    .refine(isRedisUrl, {
      message: 'must be a URL starting with redis://, rediss:// or redis+sentinel://',
    })
    .default('redis://127.0.0.1:6379'),
  /** Key prefix of every BullMQ queue; use a hash tag such as `{raci}` on Redis Cluster. */
  QUEUE_PREFIX: z.string().min(1).default('raci'),
  /** SMTP server for outgoing mail; unset means `.eml` files under MAIL_DIR. */
  SMTP_URL: urlWithScheme(['smtp', 'smtps']).optional(),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  MAIL_DIR: z.string().min(1).default('var/mail'),
  MAIL_FROM: z.string().min(3).default('raci-engine <no-reply@raci-engine.local>'),
  RACI_DIR: z.string().min(1).default('config/raci'),
  /** Where people reach the API; links in emails start with it. */
  PUBLIC_URL: urlWithScheme(['http', 'https']).optional(),
  /**
   * Signs the approve/reject links of approval emails. Every process of one deployment needs the
   * same value; unset, a random one is made at start, which only suits a single process.
   */
  LINK_SECRET: z.string().min(32, { message: 'must be at least 32 characters long' }).optional(),
  /** How long an approval link works (hours). */
  LINK_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** Working days an approval may take when the catalog sets no deadline (on-request work). */
  APPROVAL_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Working days before a deadline when approvers are reminded. */
  DEADLINE_REMINDER_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  /** Days off besides weekends, as comma-separated YYYY-MM-DD dates. */
  HOLIDAYS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((day) => day.trim())
        .filter(Boolean),
    )
    .refine((days) => days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day)), {
      message: 'must be YYYY-MM-DD dates, comma-separated',
    }),
  /** How often the outbox relay looks for events when nothing wakes it (ms). */
  RELAY_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
  /** Whether this process runs the outbox relay (worker processes do; turn off to run it elsewhere). */
  RELAY_ENABLED: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` for people at a terminal, `json` for log collectors; defaults by NODE_ENV. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** Seconds the process waits for Redis at start before it gives up. */
  REDIS_CONNECT_TIMEOUT_S: z.coerce.number().min(1).max(60).default(5),
  DB_MIGRATIONS_RUN: booleanFlag.default(true),
  /**
   * The bootstrap provider admin's bearer token: the way in before any user exists. Unset means
   * only users' tokens authenticate. A secret: never logged.
   */
  ADMIN_TOKEN: z.string().min(32, { message: 'must be at least 32 characters long' }).optional(),
  /** Failed authentications one client IP may make per window before it gets 429 (every process shares the count in Redis). */
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** The window of AUTH_FAILURE_LIMIT, in seconds; a client over the limit waits until it ends. */
  AUTH_FAILURE_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(300),
  /**
   * Which proxies' X-Forwarded-For is believed for the client IP (Express's `trust proxy`): `loopback`,
   * a hop count, or comma-separated addresses/CIDRs. Behind a load balancer, name it here, or every
   * client looks like the balancer.
   */
  TRUST_PROXY: z
    .string()
    .min(1)
    .default('loopback')
    .transform((value): boolean | number | string =>
      /^\d+$/.test(value)
        ? Number(value)
        : value === 'false'
          ? false
          : value === 'true'
            ? true
            : value,
    ),
  /** Mounts `POST /v1/bench/noop`, the framework-ceiling baseline of `npm run bench`; never in production. */
  BENCH_NOOP_ROUTE: booleanFlag.default(false),
  /** Name of the one provider organization, created at first start. */
  PROVIDER_NAME: z.string().trim().min(1).max(200).default('Provider'),
});

export type Env = z.infer<typeof envSchema>;
