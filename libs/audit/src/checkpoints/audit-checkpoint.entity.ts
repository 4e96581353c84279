import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CheckpointLog } from '@app/core';

/**
 * A signed statement that an organization's audit log (`history`: every entry of its requests;
 * `admin`: its admin audit log) held `seq` entries, the last one hashing to `root`, at `signedAt`.
 * One per organization, log and sequence: two workers signing the same head keep one.
 */
@Entity({ name: 'audit_checkpoints' })
export class AuditCheckpoint {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 16 })
  log!: CheckpointLog;

  /** The last entry of the log the checkpoint covers. */
  @Column({ type: 'integer' })
  seq!: number;

  /** That entry's hash. */
  @Column({ type: 'varchar', length: 64 })
  root!: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;

  /** The RFC 7638 thumbprint of the public key that checks the signature. */
  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;

  /** Ed25519 over the canonical statement, base64url. */
  @Column({ type: 'varchar', length: 128 })
  signature!: string;

  /** When its webhook dispatch was queued; null until then (a run that failed before it did). */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true, select: false })
  publishedAt!: Date | null;
}
