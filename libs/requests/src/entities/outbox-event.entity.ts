import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RequestEvent } from '@app/core';

/**
 * A domain event written in the same transaction as the change it describes (transactional
 * outbox), so that nothing owed to other parties is lost if the process or Redis fails after commit.
 */
@Entity({ name: 'outbox_events' })
export class OutboxEvent {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'aggregate_id', type: 'uuid' })
  aggregateId!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: RequestEvent;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
