import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The head of an organization's history log: every entry of every request of the organization
 * takes the next place (`audit_entries.log_seq`), linked to the one before (`log_prev_hash`), so a
 * deleted request, row and entries, leaves a gap. The row is also the lock of the log: a change
 * holds it from taking its place until it commits.
 */
@Entity({ name: 'audit_logs' })
export class AuditLog {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** The place of the log's last entry. */
  @Column({ type: 'integer' })
  seq!: number;

  /** The hash of the log's last entry. */
  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
