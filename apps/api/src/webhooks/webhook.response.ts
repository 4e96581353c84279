import { ApiProperty } from '@nestjs/swagger';
import {
  RegisteredWebhook,
  WebhookDelivery,
  WebhookDeliveryError,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from '@app/notifications';
import { RequestEventType, WEBHOOK_EVENT_TYPES } from '@app/core';

/** A webhook endpoint as the API shows it: never with its secret. */
export class WebhookResponse {
  @ApiProperty({ format: 'uuid', example: '5f0c2a9e-3b1d-4c7a-9e8f-1a2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ example: 'https://hooks.globex.example/raci' })
  url!: string;

  @ApiProperty({
    example: [RequestEventType.Approved, RequestEventType.Completed],
    description: 'The event types it receives; ["*"] for every event',
  })
  eventTypes!: string[];

  @ApiProperty({ format: 'uuid', example: '0b6f4f4e-5d2a-4c1e-9a43-2f1f0d7f8a10' })
  organizationId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({
    enum: ['active', 'paused'],
    example: 'active',
    description:
      'paused: it failed WEBHOOK_FAILURES_BEFORE_PAUSE times in a row, and nothing is sent to ' +
      'it until an admin resumes it (POST /v1/webhooks/{id}/resume)',
  })
  state!: 'active' | 'paused';

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  pausedAt!: Date | null;

  static from(endpoint: WebhookEndpoint): WebhookResponse {
    return {
      id: endpoint.id,
      url: endpoint.url,
      eventTypes: endpoint.eventTypes,
      organizationId: endpoint.organizationId,
      createdAt: endpoint.createdAt,
      state: endpoint.pausedAt ? 'paused' : 'active',
      pausedAt: endpoint.pausedAt ?? null,
    };
  }
}

/** A new endpoint, with its signing secret shown this once. */
export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_q3Jx0lV8m2sY1bK2QmF0c3RhcnQtc2VjcmV0LWV4YW1wbGU',
    description: 'Verifies the Raci-Signature header of every delivery; shown only now, keep it',
  })
  secret!: string;

  static fromRegistered({ endpoint, secret }: RegisteredWebhook): CreatedWebhookResponse {
    return { ...WebhookResponse.from(endpoint), secret };
  }
}

export class WebhookListResponse {
  @ApiProperty({ type: [WebhookResponse], description: 'Oldest first' })
  items!: WebhookResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

/** One event owed to an endpoint, and what became of it. */
export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'Also sent as the Raci-Event-Id header' })
  eventId!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, example: RequestEventType.Approved })
  eventType!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The request the event is of; null for an audit.checkpoint',
  })
  requestId!: string | null;

  @ApiProperty({ enum: WebhookDeliveryStatus, example: WebhookDeliveryStatus.Delivered })
  status!: WebhookDeliveryStatus;

  @ApiProperty({ example: 1, description: 'POSTs made so far' })
  attempts!: number;

  @ApiProperty({ type: Number, nullable: true, example: 200, description: 'The last answer' })
  responseStatus!: number | null;

  @ApiProperty({
    enum: WebhookDeliveryError,
    nullable: true,
    example: null,
    description:
      'Why the last attempt failed, as a category: refused (no connection), timeout, tls, ' +
      'http_3xx (redirects are not followed), http_4xx, http_5xx, blocked_address (the name ' +
      'resolved to an address that is not public), paused or deleted',
  })
  lastError!: WebhookDeliveryError | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: Date | null;

  static from(delivery: WebhookDelivery): WebhookDeliveryResponse {
    return {
      id: delivery.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      requestId: delivery.requestId,
      status: delivery.status,
      attempts: delivery.attempts,
      responseStatus: delivery.responseStatus,
      lastError: delivery.lastError,
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt,
    };
  }
}

export class WebhookDeliveryListResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse], description: 'Newest first' })
  items!: WebhookDeliveryResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}
