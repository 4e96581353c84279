import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Holds the lock named `name` until the caller's transaction ends, so that a check and the write it
 * guards (a count and an insert) never interleave with another transaction holding the same name.
 *
 * PostgreSQL: a transaction-scoped advisory lock on a stable 64-bit key hashed from the name.
 * SQLite: the engine runs one process on it, and TransactionRunner runs that process's
 * transactions one after another, so the transaction already holds the database alone.
 */
export async function lockUntilCommit(manager: EntityManager, name: string): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryLockKey(name)]);
}

/** The signed 64-bit key (as a decimal string) of a lock name: the first 8 bytes of its SHA-256. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}
