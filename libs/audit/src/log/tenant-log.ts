import { EntityManager, UpdateQueryBuilder } from 'typeorm';
import { GENESIS_HASH } from '../audit-chain';
import { AuditLog } from '../audit-log.entity';

/** An entry's place in its organization's log, and the hash of the entry before it there. */
export interface LogPlace {
  logSeq: number;
  logPrevHash: string;
}

/**
 * Takes the next place in the organization's log, inside the caller's transaction: one upsert of
 * its `audit_logs` row, which also holds the row until the commit, so two changes never take the
 * same place. Call it as late as possible, then `advanceLog` with the new entry's hash. Each
 * transaction takes one organization's log, so no two wait on each other. (SQLite runs one writer
 * at a time: the upsert is enough there.)
 */
export async function takeLogPlace(
  manager: EntityManager,
  organizationId: string,
  at: Date,
): Promise<LogPlace> {
  const p = placeholders(manager);
  const rows = await manager.query<{ seq: number | string; head_hash: string }[]>(
    `INSERT INTO audit_logs (organization_id, seq, head_hash, updated_at)
     VALUES (${p(1)}, 1, ${p(2)}, ${p(3)})
     ON CONFLICT (organization_id) DO UPDATE SET seq = audit_logs.seq + 1
     RETURNING seq, head_hash`,
    [organizationId, GENESIS_HASH, at.toISOString()],
  );
  const [row] = rows;
  return { logSeq: Number(row.seq), logPrevHash: row.head_hash };
}

/**
 * The statement that makes `hash` the head of the organization's log, whose place `takeLogPlace`
 * took; the caller sends it, with the entry's own.
 */
export function advanceLog(
  manager: EntityManager,
  organizationId: string,
  hash: string,
  at: Date,
): UpdateQueryBuilder<AuditLog> {
  return manager
    .createQueryBuilder()
    .update(AuditLog)
    .set({ headHash: hash, updatedAt: at })
    .where({ organizationId })
    .updateEntity(false);
}

/**
 * Holds the organization's log until the caller's transaction ends without taking a place in it,
 * as sealing does before it rewrites the log. Returns the head's place (0 for a log without one).
 */
export async function holdLog(
  manager: EntityManager,
  organizationId: string,
  at: Date,
): Promise<number> {
  const p = placeholders(manager);
  const rows = await manager.query<{ seq: number | string }[]>(
    `INSERT INTO audit_logs (organization_id, seq, head_hash, updated_at)
     VALUES (${p(1)}, 0, ${p(2)}, ${p(3)})
     ON CONFLICT (organization_id) DO UPDATE SET seq = audit_logs.seq
     RETURNING seq`,
    [organizationId, GENESIS_HASH, at.toISOString()],
  );
  return Number(rows[0].seq);
}

/** `$1`, `$2`… on PostgreSQL, `?` on SQLite (given in order). */
export function placeholders(manager: EntityManager): (n: number) => string {
  return manager.connection.options.type === 'postgres' ? (n) => `$${n}` : () => '?';
}
