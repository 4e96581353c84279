import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { Repository } from 'typeorm';
import {
  DeliverWebhookResult,
  JobData,
  JobName,
  QueueName,
  type RequestEvent,
  WORKER_LOCKS,
} from '@app/core';
import { WebhookDelivery, WebhookDeliveryStatus } from '../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';
import { SIGNATURE_HEADER, signWebhook } from '../webhooks/webhook-signature';

/** How long a receiver has to answer; a slow one must not hold a worker slot for long. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** What one POST came to. */
interface Attempt {
  ok: boolean;
  /** Whether trying again later could change the answer. */
  retryable: boolean;
  responseStatus: number | null;
  error: string | null;
}

/** Timeouts, rate limits and server errors pass; any other refusal is the receiver's final word. */
const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/**
 * POSTs one signed event to one endpoint per job. 2xx delivers; 408, 429, 5xx and network errors
 * are retried with the queue's backoff; any other answer fails the delivery at once. Delivery is at
 * least once (a worker lost mid-POST posts again): receivers deduplicate on `Raci-Event-Id`.
 */
@Processor(QueueName.Webhooks, { concurrency: 16, ...WORKER_LOCKS })
export class DeliverWebhookProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliverWebhookProcessor.name);

  constructor(
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
  ) {
    super();
  }

  async process(
    job: Job<JobData<JobName.DeliverWebhook>, DeliverWebhookResult>,
  ): Promise<DeliverWebhookResult> {
    const { endpointId, event } = job.data;
    const result = { endpointId, eventId: event.id, responseStatus: null };
    const delivery = await this.deliveries.findOneBy({ endpointId, eventId: event.id });
    // No row: the endpoint and its deliveries went with their organization.
    if (!delivery) return { ...result, outcome: 'skipped', reason: 'no delivery' };
    if (delivery.status !== WebhookDeliveryStatus.Pending) {
      return { ...result, outcome: 'skipped', reason: `already ${delivery.status}` };
    }
    const endpoint = await this.endpoints
      .createQueryBuilder('endpoint')
      .addSelect('endpoint.secret')
      .where('endpoint.id = :id', { id: endpointId })
      .getOne();
    if (!endpoint || endpoint.disabledAt) {
      await this.settle(delivery, { status: WebhookDeliveryStatus.Failed, lastError: 'deleted' });
      return { ...result, outcome: 'skipped', reason: 'the webhook was deleted' };
    }

    const attempt = await this.post(endpoint, event);
    const attempts = delivery.attempts + 1;
    if (attempt.ok) {
      await this.settle(delivery, {
        status: WebhookDeliveryStatus.Delivered,
        attempts,
        responseStatus: attempt.responseStatus,
        lastError: null,
        deliveredAt: new Date(),
      });
      return { ...result, outcome: 'delivered', responseStatus: attempt.responseStatus };
    }
    // attemptsMade counts the attempts before this one.
    const final = !attempt.retryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.settle(delivery, {
      status: final ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending,
      attempts,
      responseStatus: attempt.responseStatus,
      lastError: attempt.error,
    });
    this.logger.warn(
      { webhookId: endpointId, eventId: event.id, attempts, final },
      `webhook delivery failed: ${attempt.error}`,
    );
    const message = attempt.error ?? 'delivery failed';
    throw attempt.retryable ? new Error(message) : new UnrecoverableError(message);
  }

  /**
   * A job can also fail without `process` settling its row (a worker lost more often than the
   * stall limit allows, the database down at the last attempt): mark such a delivery failed.
   */
  @OnWorkerEvent('failed')
  async onFailed(
    job: Job<JobData<JobName.DeliverWebhook>> | undefined,
    error: Error,
  ): Promise<void> {
    if (!job) return;
    const final =
      error.name === UnrecoverableError.name || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    try {
      await this.deliveries.update(
        {
          endpointId: job.data.endpointId,
          eventId: job.data.event.id,
          status: WebhookDeliveryStatus.Pending,
        },
        { status: WebhookDeliveryStatus.Failed, lastError: error.message },
      );
    } catch (failure) {
      this.logger.error(
        { err: failure, jobId: job.id },
        'could not mark a webhook delivery failed',
      );
    }
  }

  private async post(endpoint: WebhookEndpoint, event: RequestEvent): Promise<Attempt> {
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt,
      data: event,
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), WEBHOOK_TIMEOUT_MS);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'raci-engine-webhooks/1',
          // Signed at each attempt, so a retry a day later is still within the receiver's tolerance.
          [SIGNATURE_HEADER]: signWebhook(endpoint.secret, body),
          'Raci-Event-Id': event.id,
          'Raci-Event-Type': event.type,
        },
        body,
        // A redirect would send the signed event where nobody registered it: refuse to follow.
        redirect: 'manual',
        signal: controller.signal,
      });
      // The answer's body is not used; cancelling it frees the connection at once.
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status >= 200 && status < 300) {
        return { ok: true, retryable: false, responseStatus: status, error: null };
      }
      const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
      return {
        ok: false,
        retryable: isRetryableStatus(status),
        responseStatus: status,
        error: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}${redirect}`,
      };
    } catch (error) {
      const reason = controller.signal.aborted
        ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
        : describeNetworkError(error);
      return { ok: false, retryable: true, responseStatus: null, error: reason };
    } finally {
      clearTimeout(timer);
    }
  }

  private async settle(delivery: WebhookDelivery, values: Partial<WebhookDelivery>): Promise<void> {
    // Only a pending delivery changes: a delivered or failed one is final.
    await this.deliveries.update(
      { id: delivery.id, status: WebhookDeliveryStatus.Pending },
      values,
    );
  }
}

/** fetch says only "fetch failed"; the cause (ECONNREFUSED, a TLS error, …) is what helps. */
function describeNetworkError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown }) : null;
  const detail = cause ? (cause.code ?? cause.message) : undefined;
  return typeof detail === 'string' && detail !== '' ? `${message}: ${detail}` : message;
}
