import { AuditEntry, EntryAuthentication } from './audit-entry.entity';
import type { AuditKeys } from './keys/audit-keys';

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What every chained entry has, whatever it records: its place in its chain and the link. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
  /** The key of `hash`; null for an entry recorded before keys and not sealed since. */
  keyId: string | null;
}

/** The last entry of a chain, as the next one links to it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * What verification can find, each named by a stable kind:
 * - `entry_missing`: a place in a request's history (or the admin log) is empty;
 * - `history_deleted`: a request has no history at all;
 * - `link_broken`: an entry does not point to the one before it;
 * - `head_mismatch`: the head the request row keeps is not its history's last entry;
 * - `state_mismatch`: the request row's state or version is not what its history ends with;
 * - `mac_mismatch`: an entry's content does not match its MAC (edited, or re-hashed without the key);
 * - `unknown_key`: an entry names a key that is neither AUDIT_KEY nor in AUDIT_PREVIOUS_KEYS;
 * - `log_gap`: a place in an organization's log is empty (a request was deleted, row and entries);
 * - `log_link_broken`: an entry of the log does not point to the one before, or the head does not;
 * - `unsealed`: an entry recorded before keys could not be sealed (its plain chain was broken).
 */
export const AUDIT_PROBLEM_KINDS = [
  'entry_missing',
  'history_deleted',
  'link_broken',
  'head_mismatch',
  'state_mismatch',
  'mac_mismatch',
  'unknown_key',
  'log_gap',
  'log_link_broken',
  'unsealed',
] as const;
export type AuditProblemKind = (typeof AUDIT_PROBLEM_KINDS)[number];

/** A problem found: its kind, and what it is in words. */
export interface AuditProblem {
  kind: AuditProblemKind;
  problem: string;
}

/**
 * The fields a history entry's MAC covers, in a fixed order: every recorded field, its place and
 * link in the request's chain and in the organization's log, and its key. `authentication` is an
 * array in a fixed order too: PostgreSQL's jsonb does not keep the order of an object's keys. A
 * decision's parameters hash and catalog version come last, where it records them.
 */
export function entryFields(
  entry: Omit<AuditEntry, 'hash' | 'paramsHash' | 'catalogVersion' | 'onBehalfOf'> &
    Partial<Pick<AuditEntry, 'paramsHash' | 'catalogVersion' | 'onBehalfOf'>>,
): unknown[] {
  return [
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
    entry.authentication ? authenticationFields(entry.authentication) : null,
    entry.createdAt.toISOString(),
    entry.prevHash,
    entry.logSeq,
    entry.logPrevHash,
    entry.keyId,
    // What a decision was made on; absent from the MAC of entries that record none, so the entries
    // recorded before decisions were bound keep their MAC.
    ...(entry.paramsHash != null || entry.catalogVersion != null
      ? [entry.paramsHash ?? null, entry.catalogVersion ?? null]
      : []),
    // Only where a delegation acted, so every entry recorded before delegations keeps its MAC.
    ...(entry.onBehalfOf ? [entry.onBehalfOf] : []),
  ];
}

function authenticationFields(a: EntryAuthentication): unknown[] {
  return [a.kind, a.id, a.issuer ?? null, a.method, a.acr, a.amr, a.authTime];
}

/**
 * Why an entry does not fit its chain, or null when it does. `fields` gives the fields its MAC
 * covers, so the same check serves every kind of chain; `unsealed` says why an entry recorded
 * before keys was not sealed.
 */
export function linkProblem<T extends ChainLink>(
  entry: T,
  previous: T | undefined,
  keys: AuditKeys,
  fields: (entry: T) => unknown[],
  unsealed: (entry: T, previous: T | undefined) => string,
): AuditProblem | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (entry.seq !== expectedSeq) {
    return {
      kind: 'entry_missing',
      problem: `sequence ${entry.seq} where ${expectedSeq} was expected (an entry is missing)`,
    };
  }
  if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH))
    return { kind: 'link_broken', problem: 'does not point to the previous entry' };
  if (entry.keyId === null) return { kind: 'unsealed', problem: unsealed(entry, previous) };
  if (!keys.has(entry.keyId)) {
    return {
      kind: 'unknown_key',
      problem: `keyed under ${entry.keyId}, which is neither AUDIT_KEY nor in AUDIT_PREVIOUS_KEYS`,
    };
  }
  if (entry.hash !== keys.mac(fields(entry), entry.keyId)) {
    return {
      kind: 'mac_mismatch',
      problem: 'its content does not match its MAC (the entry was edited)',
    };
  }
  return null;
}

/** What `unsealed` says of an entry recorded before keys, given why its plain chain breaks. */
export function unsealedProblem(legacyProblem: string | null): string {
  return legacyProblem
    ? `recorded before the history was keyed and never sealed: its chain was already broken ` +
        `then (${legacyProblem})`
    : 'recorded before the history was keyed and not sealed yet (the API seals it at its start)';
}
