import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One append-only entry of the admin audit log: a change to an organization, its users, roles,
 * tokens, quota packages or webhooks. The entries of an organization form one chain, keyed under
 * AUDIT_KEY and checked as request histories are; the chain is the organization's admin log.
 */
@Entity({ name: 'admin_events' })
export class AdminEvent {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The organization the change concerns, whose chain the entry is in. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** Position in the organization's chain, from 1. */
  @Column({ type: 'integer' })
  seq!: number;

  /** null for the bootstrap admin (ADMIN_TOKEN). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_organization_id', type: 'uuid' })
  actorOrganizationId!: string;

  /** What was done, e.g. `user.updated`. */
  @Column({ type: 'varchar', length: 48 })
  action!: string;

  /** The kind of thing changed (`organization`, `user`, `token`, `webhook`) and its id. */
  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /**
   * `{field: {from, to}}` as JSON text, secrets redacted. Text, not jsonb: the hash covers these
   * exact characters, which jsonb would reorder.
   */
  @Column({ type: 'text' })
  changes!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  /** The HMAC-SHA-256 of every field, in a fixed order, under the key `keyId`. */
  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  /** The key of `hash` (see AuditKeys); null for an event recorded before keys, not yet sealed. */
  @Column({ name: 'key_id', type: 'varchar', length: 16, nullable: true })
  keyId!: string | null;
}
