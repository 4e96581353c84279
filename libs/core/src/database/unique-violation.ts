import { QueryFailedError } from 'typeorm';

/** SQLSTATE of PostgreSQL and result codes of SQLite that mean "a unique index refused the row". */
const UNIQUE_VIOLATION_CODES = new Set([
  '23505',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

/**
 * Whether a write failed because a unique index already holds the value, on either driver: the
 * race a "does it exist?" check before an insert cannot close on its own.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && UNIQUE_VIOLATION_CODES.has(code);
}
