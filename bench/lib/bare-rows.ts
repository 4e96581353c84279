import type { PoolClient } from 'pg';

/** What the bare `pg` baselines write with: a pool client. */
export type Queryable = Pick<PoolClient, 'query'>;

/** A row as `SELECT *` returns it: column names to values. */
export type Row = Record<string, unknown>;

/** `work` between `BEGIN` and `COMMIT`, rolled back if it throws. */
export async function inTransaction(
  connection: Queryable,
  work: () => Promise<void>,
): Promise<void> {
  await connection.query('BEGIN');
  try {
    await work();
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK');
    throw error;
  }
}

/** One row into `table`, every column given. */
export function insert(connection: Queryable, table: string, row: Row) {
  const columns = Object.keys(row);
  const values = columns.map((column) => asParameter(row[column]));
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
  return connection.query(
    `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${placeholders})`,
    values,
  );
}

/** JSON columns come back parsed; `pg` would send a JS array as a PostgreSQL array, not JSON. */
export function asParameter(value: unknown): unknown {
  if (value === null || value instanceof Date || typeof value !== 'object') return value;
  return JSON.stringify(value);
}
