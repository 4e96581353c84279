import { getMetadataArgsStorage, QueryRunner } from 'typeorm';

/**
 * Entities and migrations are written for PostgreSQL. The embedded SQLite database keeps the same
 * values in the types it has: uuids as text, timestamps as ISO datetimes (UTC), JSON as text.
 */
const SQLITE_EQUIVALENTS: Record<string, string> = {
  uuid: 'varchar',
  timestamptz: 'datetime',
  jsonb: 'simple-json',
};

/** Rewrites entity column types for SQLite; called once, before the SQLite connection opens. */
export function adaptEntityTypesToSqlite(): void {
  for (const column of getMetadataArgsStorage().columns) {
    const type = column.options.type;
    if (typeof type === 'string' && SQLITE_EQUIVALENTS[type]) {
      column.options.type = SQLITE_EQUIVALENTS[type] as typeof column.options.type;
    }
  }
}

/** Column types a migration should use on the connection it runs on. */
export function migrationTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.dataSource.driver.options.type === 'postgres';
  return {
    uuid: postgres ? 'uuid' : 'varchar',
    timestamp: postgres ? 'timestamptz' : 'datetime',
    json: postgres ? 'jsonb' : 'text',
  };
}
