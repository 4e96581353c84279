import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Subscribes to every event type; stored as the one element of `eventTypes`. */
export const ALL_EVENT_TYPES = '*';

/** An HTTPS endpoint an organization registered to hear of the domain events of its requests. */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpoint {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  /**
   * The signing secret, sealed with SECRETS_KEY (see WebhookSecrets; rows from before encryption
   * hold it in clear until sealed). Not selected by default, so no list or lookup can leak it by
   * accident: only the delivery processor asks for it explicitly.
   */
  @Column({ type: 'varchar', length: 128, select: false })
  secret!: string;

  /** WEBHOOK_EVENT_TYPES values (request events, `audit.checkpoint`), or `["*"]` for every event. */
  @Column({ name: 'event_types', type: 'jsonb' })
  eventTypes!: string[];

  /** null when the bootstrap admin (ADMIN_TOKEN) registered it. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set by DELETE: the row stays so deliveries already queued can see it is gone. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Failed attempts since the last success: the circuit breaker's count. */
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  /** Set when the breaker opened: nothing is sent until an admin resumes the endpoint. */
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;
}

/** Whether an endpoint wants events of this type. */
export function subscribesTo(endpoint: Pick<WebhookEndpoint, 'eventTypes'>, type: string): boolean {
  return endpoint.eventTypes.includes(ALL_EVENT_TYPES) || endpoint.eventTypes.includes(type);
}
