import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MailMessage } from '../mail/mail-message';

export enum DeliveryStatus {
  Queued = 'queued',
  Sent = 'sent',
  Failed = 'failed',
}

/** A message owed to one recipient for one event, and what became of it. */
@Entity({ name: 'notification_deliveries' })
export class NotificationDelivery {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  /** null for a message about no single request (a daily digest). */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  /** The recipient's organization. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 32 })
  audience!: string;

  @Column({ type: 'varchar', length: 320 })
  recipient!: string;

  @Column({ name: 'message_id', type: 'varchar', length: 255 })
  messageId!: string;

  /** The rendered message, so a dead letter can be sent again exactly as it was. */
  @Column({ type: 'jsonb' })
  message!: MailMessage;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** How many times a person asked to send it again. */
  @Column({ type: 'integer', default: 0 })
  retries!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
