import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@app/parties';

/**
 * A person's decision roles handed to another person of their organization for a window
 * [`startsAt`, `endsAt`), or until it is ended early (`endedAt`). Set by the delegator, or by an
 * admin of their organization (`createdBy`).
 */
@Entity({ name: 'delegations' })
export class Delegation {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'delegator_id', type: 'uuid' })
  delegatorId!: string;

  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId!: string;

  /** The delegator's decision roles it carries, as they held them when it was set. */
  @Column({ type: 'jsonb' })
  roles!: Role[];

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  reason!: string;

  /** Who set it: the delegator, or an admin of their organization; null for ADMIN_TOKEN. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When it was ended early; null while it runs its window. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** When both people were told it started; null until then. */
  @Column({ name: 'started_notified_at', type: 'timestamptz', nullable: true })
  startedNotifiedAt!: Date | null;

  /** When both people were told it ended; null until then. */
  @Column({ name: 'ended_notified_at', type: 'timestamptz', nullable: true })
  endedNotifiedAt!: Date | null;
}
