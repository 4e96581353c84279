import { createHash } from 'node:crypto';
import { AuditEntry, EntryAuthentication } from './audit-entry.entity';

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What every hash-chained entry has, whatever it records: its place in its chain and the link. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The hash of an entry's recorded fields, given in a fixed order (the previous hash among them). */
export function chainHash(fields: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The hash of a request history entry: every recorded field, then the previous entry's hash. */
export function hashOf(entry: Omit<AuditEntry, 'hash'>): string {
  return chainHash([
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
    // Only when present, so entries recorded before it existed keep their hash. As an array in a
    // fixed order: PostgreSQL's jsonb does not keep the order of an object's keys.
    ...(entry.authentication ? [authenticationFields(entry.authentication)] : []),
  ]);
}

function authenticationFields(a: EntryAuthentication): unknown[] {
  return [a.kind, a.id, a.method, a.acr, a.amr, a.authTime];
}

/**
 * Why an entry does not fit its chain, or null when it does; `hash` recomputes an entry's hash from
 * its fields, so the same check serves every kind of chain.
 */
export function linkProblem<T extends ChainLink>(
  entry: T,
  previous: T | undefined,
  hash: (entry: T) => string,
): string | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (entry.seq !== expectedSeq)
    return `sequence ${entry.seq} where ${expectedSeq} was expected (an entry is missing)`;
  if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH))
    return 'does not point to the previous entry';
  if (entry.hash !== hash(entry))
    return 'its content does not match its hash (the entry was edited)';
  return null;
}

/** Why a request history entry does not fit the chain it is in, or null when it does. */
export function chainProblem(entry: AuditEntry, previous: AuditEntry | undefined): string | null {
  return linkProblem(entry, previous, hashOf);
}
