import { z } from 'zod';
import { booleanFlag, urlWithScheme } from './env-types';

/** The database: PostgreSQL, or the embedded SQLite file. */
export const DATABASE_ENV = {
  DATABASE_URL: urlWithScheme(['postgres', 'postgresql'])
    .optional()
    .describe(
      'PostgreSQL, `postgres://user:pass@host:5432/db`: for production, and required with more ' +
        'than one process. Unset: the embedded SQLite file at `SQLITE_PATH`. The schema is ' +
        'migrated at start (`DB_MIGRATIONS_RUN`).',
    ),
  DATABASE_REPLICA_URL: urlWithScheme(['postgres', 'postgresql'])
    .optional()
    .describe(
      'A PostgreSQL streaming replica of `DATABASE_URL` (required with it), for the request list ' +
        'and its CSV export, the inbox and the catalog versions: see docs/read-replicas.md. Every ' +
        'other read and every write stays on `DATABASE_URL`, and so do these reads while the ' +
        "replica is unreachable or has not yet replayed the caller's own last write.",
    ),
  DATABASE_REPLICA_STICKY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(60_000)
    .describe(
      "With `DATABASE_REPLICA_URL`: the longest a caller's own write keeps their replica reads on " +
        'the primary while the replica has not replayed it (ms). They return to the replica as ' +
        'soon as it has.',
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
  DB_MIGRATIONS_RUN: booleanFlag.default(true).describe('Run pending migrations at start.'),
};
