import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How the author of an entry authenticated: the credential's kind, id and issuer (who minted it),
 * and, where an identity provider took part, its `acr`, `amr` and the time of authentication.
 */
export interface EntryAuthentication {
  kind: string;
  id: string | null;
  /**
   * Who issued the credential: a user's id, `admin_token`, the identity provider's issuer, `engine`
   * (decision links) or `unknown`; absent from entries recorded before it was kept.
   */
  issuer?: string | null;
  method: string;
  acr: string | null;
  amr: string[];
  authTime: string | null;
}

/**
 * One append-only history entry of a request. Entries of a request form a chain: each one's `hash`
 * is an HMAC, under the key `keyId` names, of its own fields and the previous entry's hash, so
 * editing any row breaks the chain. Every entry of an organization's requests also takes the next
 * place in the organization's log (`logSeq`, `logPrevHash`), whose head `audit_logs` keeps.
 */
@Entity({ name: 'audit_entries' })
export class AuditEntry {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** Position in the request's chain, from 1. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_organization_id', type: 'uuid', nullable: true })
  actorOrganizationId!: string | null;

  /** The delegator a decision was taken for, through a delegation the actor held; else null. */
  @Column({ name: 'on_behalf_of', type: 'uuid', nullable: true })
  onBehalfOf!: string | null;

  /** The RACI letter the actor acted under (R, A, C), if any. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  letter!: string | null;

  @Column({ type: 'varchar', length: 48 })
  event!: string;

  @Column({ name: 'from_state', type: 'varchar', length: 32, nullable: true })
  fromState!: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 32 })
  toState!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** null for what the engine did by itself (an expiry), and for entries older than sign-in. */
  @Column({ type: 'jsonb', nullable: true })
  authentication!: EntryAuthentication | null;

  /**
   * For a decision (approval, rejection, waiver, opinion): the SHA-256 of the request's parameters,
   * as canonical JSON, it was made on; null for other entries and for older decisions.
   */
  @Column({ name: 'params_hash', type: 'varchar', length: 64, nullable: true })
  paramsHash!: string | null;

  /** For a decision: the catalog version it was made under, where the request records one. */
  @Column({ name: 'catalog_version', type: 'integer', nullable: true })
  catalogVersion!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  /** The HMAC-SHA-256 of every field above and below, in a fixed order, under the key `keyId`. */
  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  /** The key of `hash` (see AuditKeys); null for an entry recorded before keys, not yet sealed. */
  @Column({ name: 'key_id', type: 'varchar', length: 16, nullable: true })
  keyId!: string | null;

  /** Place in the organization's log, from 1; null as for `keyId`. */
  @Column({ name: 'log_seq', type: 'integer', nullable: true })
  logSeq!: number | null;

  /** The hash of the entry before it in the organization's log (genesis for the first). */
  @Column({ name: 'log_prev_hash', type: 'varchar', length: 64, nullable: true })
  logPrevHash!: string | null;
}
