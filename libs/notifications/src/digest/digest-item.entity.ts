import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a digest shows of one event, as the request stood when it happened. */
export interface DigestSummary {
  actionKey: string;
  actionTitle: string;
  /** The request's customer. */
  organizationName: string;
  /** The request's state after the event. */
  state: string;
  /** The reason or comment given with the event. */
  note: string | null;
}

/**
 * One Informed event kept for a user's daily digest instead of being mailed at once: unique per
 * event and user, taken by the digest of one day.
 */
@Entity({ name: 'notification_digest_items' })
export class DigestItem {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ type: 'jsonb' })
  summary!: DigestSummary;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The local day (`yyyy-mm-dd`) of the digest that took it; null while it waits. */
  @Column({ name: 'digest_day', type: 'varchar', length: 10, nullable: true })
  digestDay!: string | null;
}
