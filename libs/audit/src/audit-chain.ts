import { createHash } from 'node:crypto';
import { AuditEntry } from './audit-entry.entity';

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry: every recorded field, in a fixed order, and the previous entry's hash. */
export function hashOf(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = [
    entry.id,
    entry.requestId,
    entry.organizationId,
    entry.seq,
    entry.actorId,
    entry.actorOrganizationId,
    entry.letter,
    entry.event,
    entry.fromState,
    entry.toState,
    entry.comment,
    entry.createdAt.toISOString(),
    entry.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Why an entry does not fit the chain it is in, or null when it does. */
export function chainProblem(entry: AuditEntry, previous: AuditEntry | undefined): string | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (entry.seq !== expectedSeq)
    return `sequence ${entry.seq} where ${expectedSeq} was expected (an entry is missing)`;
  if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH))
    return 'does not point to the previous entry';
  if (entry.hash !== hashOf(entry))
    return 'its content does not match its hash (the entry was edited)';
  return null;
}
