import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { listenForDroppedConnection } from './dropped-connection.listener';
import { MIGRATIONS } from './migrations';
import { adaptEntityTypesToSqlite } from './portable-types';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise an embedded SQLite file, so a first start needs no
 * database server. The schema always comes from migrations; nothing is synchronized.
 */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsRun: config.env.DB_MIGRATIONS_RUN,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
  };
  if (config.env.DATABASE_URL) {
    return { ...common, ...postgresConnection(config, config.env.DATABASE_URL) };
  }
  adaptEntityTypesToSqlite();
  mkdirSync(dirname(config.env.SQLITE_PATH), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.env.SQLITE_PATH,
    enableWAL: true,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/** A PostgreSQL server's connection options: the primary's, or the read replica's (same bounds). */
export function postgresConnection(config: AppConfig, url: string) {
  return {
    type: 'postgres' as const,
    url,
    poolSize: config.env.DATABASE_POOL_SIZE,
    // Bounded waits, so a database that is down answers 503 quickly instead of hanging requests.
    extra: {
      connectionTimeoutMillis: config.env.DATABASE_CONNECT_TIMEOUT_MS,
      statement_timeout: config.env.DATABASE_STATEMENT_TIMEOUT_MS,
      query_timeout: config.env.DATABASE_STATEMENT_TIMEOUT_MS + 1_000,
      // A connection PostgreSQL drops (a restart) is logged and replaced, never fatal.
      onConnect: listenForDroppedConnection,
    },
  };
}
