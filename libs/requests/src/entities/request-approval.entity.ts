import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One approval of a request: who gave it, for whom (a delegate approves on behalf of their
 * delegator), and what it was given on. A person counts once per request: `counted_person` is the
 * delegator where there is one, else the approver. An approval given on other parameters than the
 * request's current ones (`params_hash`) is void and does not count.
 */
@Entity({ name: 'request_approvals' })
export class RequestApproval {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The delegator a delegate approved for; null when the approver acted for themselves. */
  @Column({ name: 'on_behalf_of', type: 'uuid', nullable: true })
  onBehalfOf!: string | null;

  /** The person the approval counts for: `onBehalfOf ?? userId`. */
  @Column({ name: 'counted_person', type: 'uuid' })
  countedPerson!: string;

  /** The SHA-256 of the request's parameters, as canonical JSON, when the approval was given. */
  @Column({ name: 'params_hash', type: 'varchar', length: 64 })
  paramsHash!: string;

  /** The catalog version the approval was given under; null before catalogs had versions. */
  @Column({ name: 'catalog_version', type: 'integer', nullable: true })
  catalogVersion!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
