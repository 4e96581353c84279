import { z } from 'zod';
import { isRedisUrl } from '../redis/redis-connection';
import { DIGEST_ENV } from './digest-env.schema';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * A URL whose scheme is one of `schemes`. The schemes are also kept as metadata (`x-schemes`), so
 * the configuration reference can say what is accepted.
 */
const urlWithScheme = (schemes: string[]) =>
  z
    .string()
    .refine((value) => schemes.some((scheme) => value.startsWith(`${scheme}://`)), {
      message: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    })
    .refine((value) => URL.canParse(value), { message: 'is not a valid URL' })
    .meta({ 'x-schemes': schemes });

/**
 * Every environment variable the engine reads, validated once at boot.
 * Anything not listed here is ignored; anything listed with a wrong value stops the start.
 *
 * Each variable's description is its `.describe()` text, and nowhere else: `npm run docs:config`
 * writes docs/configuration.md from this schema (keys, types, defaults and descriptions), and CI
 * fails when that file is stale or a variable has no description.
 */
export const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('Only picks the default `LOG_FORMAT`: `pretty` in `development`, else `json`.'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Address the API listens on.'),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe('Port the API listens on; the default `PUBLIC_URL` uses it too.'),
  DATABASE_URL: urlWithScheme(['postgres', 'postgresql'])
    .optional()
    .describe(
      'PostgreSQL, `postgres://user:pass@host:5432/db`: for production, and required with more ' +
        'than one process. Unset: the embedded SQLite file at `SQLITE_PATH`. The schema is ' +
        'migrated at start (`DB_MIGRATIONS_RUN`).',
    ),
  SQLITE_PATH: z
    .string()
    .min(1)
    .default('var/raci-engine.sqlite')
    .describe(
      'The embedded database file when `DATABASE_URL` is unset (one process only: SQLite has a ' +
        'single connection, so transactions run one at a time).',
    ),
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('PostgreSQL connections per process.'),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(5_000)
    .describe(
      'How long a call waits for a PostgreSQL connection (pool or server) before it answers ' +
        '`503 DATABASE_UNAVAILABLE` (ms).',
    ),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(30_000)
    .describe(
      'The longest a PostgreSQL statement may run, server- and client-side, before the call ' +
        'answers `503 DATABASE_UNAVAILABLE` (ms).',
    ),
  REDIS_URL: z
    .string()
    .refine(isRedisUrl, {
      message: 'must be a URL starting with redis://, rediss:// or redis+sentinel://',
    })
    .meta({ 'x-schemes': ['redis', 'rediss', 'redis+sentinel'] })
    .default('redis://127.0.0.1:6379')
    .describe(
      "BullMQ's Redis: one server, `redis://[user:password@]host:port[/db]` (`rediss://` for " +
        'TLS), or a Sentinel set, `redis+sentinel://[:password@]host:26379,host:26379/<master ' +
        "name>[/db]`, whose failovers the engine follows (the password is the master's). Redis " +
        'Cluster is not supported. Unreachable at start: the process exits within ' +
        '`REDIS_CONNECT_TIMEOUT_S`.',
    ),
  QUEUE_PREFIX: z
    .string()
    .min(1)
    .default('raci')
    .describe(
      'Key prefix of every BullMQ queue: the same in every process of a deployment, different ' +
        'for two deployments sharing a Redis.',
    ),
  SMTP_URL: urlWithScheme(['smtp', 'smtps'])
    .optional()
    .describe(
      'Outgoing mail, `smtp://user:pass@host:587` or `smtps://user:pass@host:465`, over a pool ' +
        'of `SMTP_POOL_SIZE` connections. Unset: every message is written as an `.eml` file ' +
        'under `MAIL_DIR`.',
    ),
  SMTP_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .describe('SMTP connections per process that sends mail.'),
  MAIL_DIR: z
    .string()
    .min(1)
    .default('var/mail')
    .describe('Where messages are written, one `.eml` file each, when `SMTP_URL` is unset.'),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('raci-engine <no-reply@raci-engine.local>')
    .describe('Sender of every message.'),
  ...DIGEST_ENV,
  RACI_DIR: z
    .string()
    .min(1)
    .default('config/raci')
    .describe(
      'The matrix files (`*.yaml`), read and checked at start: an invalid matrix stops the start.',
    ),
  PUBLIC_URL: urlWithScheme(['http', 'https'])
    .optional()
    .describe(
      'Where people reach the API; the approve/reject and unsubscribe links in emails start ' +
        'with it (mail programs offer one-click unsubscribe only for `https`). Unset: ' +
        '`http://localhost:$PORT`.',
    ),
  LINK_SECRET: z
    .string()
    .min(32, { message: 'must be at least 32 characters long' })
    .optional()
    .describe(
      'Signs the approve/reject links of approval emails and the unsubscribe links of Informed ' +
        'mail; a secret. Every process of a deployment needs the same value. Unset: each process ' +
        'makes a random one at start, and its links work only in that process.',
    ),
  LINK_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72)
    .describe('How long an approve/reject link works (hours).'),
  APPROVAL_DEADLINE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .describe(
      'Working days an approval may take when the catalog sets no deadline (on-request work).',
    ),
  DEADLINE_REMINDER_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(1)
    .describe('Working days before a deadline when approvers are reminded.'),
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
    })
    .describe(
      'Days off besides weekends for the working-day calendar, as comma-separated YYYY-MM-DD ' +
        'dates, e.g. `2026-12-25,2027-01-01`.',
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
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('The lowest level logged.'),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .optional()
    .describe(
      '`pretty` for people at a terminal, `json` (one line per entry, with a request id) for ' +
        'log collectors. Unset: `pretty` when `NODE_ENV` is `development`, else `json`. Secrets ' +
        'are redacted in both.',
    ),
  REDIS_CONNECT_TIMEOUT_S: z.coerce
    .number()
    .min(1)
    .max(60)
    .default(5)
    .describe('Seconds a process waits for Redis at start before it exits, saying so in one line.'),
  DB_MIGRATIONS_RUN: booleanFlag.default(true).describe('Run pending migrations at start.'),
  ADMIN_TOKEN: z
    .string()
    .min(32, { message: 'must be at least 32 characters long' })
    .optional()
    .describe(
      "The bootstrap provider admin's bearer token: the way in before any user exists; a " +
        "secret, never logged. Unset: only users' tokens authenticate.",
    ),
  AUTH_FAILURE_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(20)
    .describe(
      'Failed authentications one client IP may make per window before it gets ' +
        '`429 TOO_MANY_AUTH_FAILURES` (every process shares the count in Redis).',
    ),
  AUTH_FAILURE_WINDOW_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(300)
    .describe(
      'The window of `AUTH_FAILURE_LIMIT`, in seconds; a client over the limit waits until it ends.',
    ),
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
    )
    .describe(
      "Whose `X-Forwarded-For` names the client IP (Express's `trust proxy`): `loopback`, a hop " +
        'count, or comma-separated addresses/CIDRs. Behind a load balancer, name it here, or ' +
        'every client looks like the balancer.',
    ),
  BENCH_NOOP_ROUTE: booleanFlag
    .default(false)
    .describe(
      'Mounts `POST /v1/bench/noop` (authenticated, does nothing), the framework-ceiling ' +
        'baseline of `npm run bench`; never in production.',
    ),
  PROVIDER_NAME: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .default('Provider')
    .describe('Name of the one provider organization, created at first start.'),
});

export type Env = z.infer<typeof envSchema>;
