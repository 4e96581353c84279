import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Party } from '@app/catalog';
import { RequestState } from '@app/core';

/** A completed request's result: text, or a JSON object. */
export type RequestResult = string | Record<string, unknown>;

/** A request for a catalog action, with the RACI parties resolved when it was submitted. */
@Entity({ name: 'requests' })
export class Request {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The catalog action key, e.g. `mariadb.add-read-only-replica`. */
  @Column({ type: 'varchar', length: 128 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  product!: string;

  /** The customer organization the request is for. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 32 })
  state!: RequestState;

  @Column({ type: 'jsonb' })
  params!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  responsible!: Party;

  @Column({ type: 'varchar', length: 16 })
  accountable!: Party;

  @Column({ type: 'jsonb' })
  consulted!: Party[];

  @Column({ type: 'jsonb' })
  informed!: Party[];

  /** The party that does the work (may differ from the Responsible one, as the matrix states). */
  @Column({ type: 'varchar', length: 16 })
  performer!: Party;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** What the performer reported on completing: text, or a JSON object, as given. */
  @Column({ type: 'jsonb', nullable: true })
  result!: RequestResult | null;

  /** When the approval is due, in working days from submission; null where no deadline applies. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** The catalog version the request was routed under; its letters are read there to its end. */
  @Column({ name: 'catalog_version', type: 'integer', default: 1 })
  catalogVersion!: number;

  /** How many distinct approvers the request needs (its quorum), pinned at submission. */
  @Column({ name: 'approvals_required', type: 'integer', default: 1 })
  approvalsRequired!: number;

  /**
   * The SHA-256 of `params` as canonical JSON, taken at submission: every decision records the
   * hash it was made on; null for requests submitted before decisions were bound to it.
   */
  @Column({ name: 'params_hash', type: 'varchar', length: 64, nullable: true })
  paramsHash!: string | null;

  /** Incremented by every change; a write with a stale version is refused (optimistic locking). */
  @Column({ type: 'integer' })
  version!: number;

  /**
   * The head of the request's history: its last entry's place and MAC, written with every change.
   * It always equals `version`; null only for a request recorded before heads, not sealed yet.
   */
  @Column({ name: 'audit_seq', type: 'integer', nullable: true })
  auditSeq!: number | null;

  @Column({ name: 'audit_hash', type: 'varchar', length: 64, nullable: true })
  auditHash!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
