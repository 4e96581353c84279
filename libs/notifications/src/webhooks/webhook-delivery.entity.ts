import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum WebhookDeliveryStatus {
  Pending = 'pending',
  Delivered = 'delivered',
  Failed = 'failed',
}

/**
 * Why the last attempt of a delivery failed, in a category and never as raw error text: the text
 * of a network error (ECONNREFUSED, a certificate's names) would tell a tenant what listens inside
 * the engine's network. The detail goes to the server log only.
 */
export enum WebhookDeliveryError {
  /** No connection: refused, reset, unreachable, or a name that does not resolve. */
  Refused = 'refused',
  /** No answer within WEBHOOK_TIMEOUT_MS. */
  Timeout = 'timeout',
  /** The TLS handshake failed: a certificate not valid for the name, expired, self-signed, … */
  Tls = 'tls',
  /** A redirect, which is not followed. */
  Http3xx = 'http_3xx',
  Http4xx = 'http_4xx',
  Http5xx = 'http_5xx',
  /** The name resolved to an address that is not public (loopback, private, metadata, …). */
  BlockedAddress = 'blocked_address',
  /** The endpoint was paused after failing too often; an admin may resume it. */
  Paused = 'paused',
  /** The endpoint was deleted before the delivery could be made. */
  Deleted = 'deleted',
}

/** One domain event owed to one endpoint, and what became of it. */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDelivery {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  /** The request the event is of; null for an event of no request (`audit.checkpoint`). */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: WebhookDeliveryStatus;

  /** POSTs made so far, successful or not. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** The HTTP status of the last answer; null before any, or when no answer came. */
  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  /** Why the last attempt failed; null before any, and once delivered. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: WebhookDeliveryError | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
