import { createHash } from 'node:crypto';
import type { AdminEvent } from '../admin/admin-event.entity';
import type { AuditEntry } from '../audit-entry.entity';
import { ChainLink, GENESIS_HASH } from '../audit-chain';

/**
 * The plain SHA-256 chains the history had before it was keyed. Kept only to check the entries
 * recorded then before they are sealed under AUDIT_KEY (see HistorySealer), and to say why an
 * organization's could not be: anyone can recompute these hashes, so they prove nothing by now.
 */
export function legacyChainHash(fields: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The plain hash of a history entry: every recorded field, then the previous entry's hash. */
export function legacyEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const a = entry.authentication;
  return legacyChainHash([
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
    ...(a ? [[a.kind, a.id, a.method, a.acr, a.amr, a.authTime]] : []),
  ]);
}

/** The plain hash of an admin event: every recorded field, then the previous entry's hash. */
export function legacyAdminEventHash(event: Omit<AdminEvent, 'hash'>): string {
  return legacyChainHash([
    event.id,
    event.organizationId,
    event.seq,
    event.actorId,
    event.actorOrganizationId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.changes,
    event.createdAt.toISOString(),
    event.prevHash,
  ]);
}

/** Why an entry does not fit its plain chain, or null when it does. */
export function legacyLinkProblem<T extends ChainLink>(
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
