import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { Repository } from 'typeorm';
import {
  AppConfig,
  AUDIT_CHECKPOINT_EVENT,
  DeliverWebhookResult,
  JobData,
  JobName,
  QueueName,
  WORKER_LOCKS,
  type WebhookEvent,
} from '@app/core';
import { WebhookBreaker } from '../webhooks/webhook-breaker';
import {
  WebhookDelivery,
  WebhookDeliveryError as Failure,
  WebhookDeliveryStatus,
} from '../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';
import { PostOutcome, WebhookPoster } from '../webhooks/webhook-poster';
import { WebhookSecrets, WebhookSecretUnreadableError } from '../webhooks/webhook-secrets';
import { SIGNATURE_HEADER, signWebhook } from '../webhooks/webhook-signature';
import { WebhookSlots } from '../webhooks/webhook-slots';

type DeliverJob = Job<JobData<JobName.DeliverWebhook>, DeliverWebhookResult>;

/** Timeouts, rate limits and server errors pass; any other refusal is the receiver's final word. */
const isRetryable = ({ responseStatus, failure }: PostOutcome): boolean =>
  responseStatus === null
    ? failure !== Failure.BlockedAddress
    : responseStatus === 408 || responseStatus === 429 || responseStatus >= 500;

/**
 * POSTs one signed event to one endpoint per job. 2xx delivers; 408, 429, 5xx and network errors
 * are retried with the queue's backoff; any other answer, and an address that is not public, fails
 * the delivery at once. Delivery is at least once (a worker lost mid-POST posts again): receivers
 * deduplicate on `Raci-Event-Id`.
 *
 * Fairness: a job whose endpoint or organization already has its share of POSTs in flight
 * (WebhookSlots) goes back to wait without holding a worker slot, and an endpoint that keeps
 * failing is paused (WebhookBreaker). Deliveries show a failure's category; its detail goes to the
 * server log only.
 */
@Processor(QueueName.Webhooks, { concurrency: 16, ...WORKER_LOCKS })
export class DeliverWebhookProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliverWebhookProcessor.name);
  private readonly timeoutMs: number;

  constructor(
    config: AppConfig,
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly poster: WebhookPoster,
    private readonly slots: WebhookSlots,
    private readonly breaker: WebhookBreaker,
    private readonly secrets: WebhookSecrets,
  ) {
    super();
    this.timeoutMs = config.env.WEBHOOK_TIMEOUT_MS;
  }

  async process(job: DeliverJob, token?: string): Promise<DeliverWebhookResult> {
    const { endpointId, event } = job.data;
    const organizationId = job.data.organizationId ?? (await this.organizationOf(endpointId));
    // No endpoint: it and its deliveries went with their organization.
    if (!organizationId) {
      return {
        endpointId,
        eventId: event.id,
        responseStatus: null,
        outcome: 'skipped',
        reason: 'no delivery',
      };
    }
    // The turn is taken before anything is read, so a job that must wait costs next to nothing.
    const slot = { endpointId, organizationId, holder: String(job.id) };
    if (!(await this.slots.acquire(slot))) {
      // Its turn comes later; waiting is no attempt, and holds no worker slot meanwhile.
      const wait = Math.round(this.timeoutMs * (0.5 + Math.random()));
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    try {
      return await this.deliver(job);
    } finally {
      await this.slots.release(slot);
    }
  }

  private async deliver(job: DeliverJob): Promise<DeliverWebhookResult> {
    const { endpointId, event } = job.data;
    const result = { endpointId, eventId: event.id, responseStatus: null };
    const delivery = await this.deliveries.findOneBy({ endpointId, eventId: event.id });
    if (!delivery) return { ...result, outcome: 'skipped', reason: 'no delivery' };
    if (delivery.status !== WebhookDeliveryStatus.Pending) {
      return { ...result, outcome: 'skipped', reason: `already ${delivery.status}` };
    }
    const endpoint = await this.endpoints
      .createQueryBuilder('endpoint')
      .addSelect('endpoint.secret')
      .where('endpoint.id = :id', { id: endpointId })
      .getOne();
    if (!endpoint || endpoint.disabledAt || endpoint.pausedAt) {
      const lastError = endpoint?.pausedAt ? Failure.Paused : Failure.Deleted;
      await this.settle(delivery, { status: WebhookDeliveryStatus.Failed, lastError });
      return { ...result, outcome: 'skipped', reason: `the webhook was ${lastError}` };
    }

    const outcome = await this.post(endpoint, event);
    const attempts = delivery.attempts + 1;
    if (!outcome.failure) {
      await this.settle(delivery, {
        status: WebhookDeliveryStatus.Delivered,
        attempts,
        responseStatus: outcome.responseStatus,
        lastError: null,
        deliveredAt: new Date(),
      });
      await this.breaker.succeeded(endpoint);
      return { ...result, outcome: 'delivered', responseStatus: outcome.responseStatus };
    }
    const paused = await this.breaker.failed(endpoint);
    const retryable = isRetryable(outcome) && !paused;
    // attemptsMade counts the attempts before this one.
    const final = !retryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.settle(delivery, {
      status: final ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending,
      attempts,
      responseStatus: outcome.responseStatus,
      lastError: outcome.failure,
    });
    this.logger.warn(
      { webhookId: endpointId, eventId: event.id, attempts, final, failure: outcome.failure },
      `webhook delivery failed: ${outcome.detail ?? outcome.failure}`,
    );
    throw retryable ? new Error(outcome.failure) : new UnrecoverableError(outcome.failure);
  }

  /**
   * A job can also fail without `process` settling its row (a worker lost more often than the
   * stall limit allows, the database down at the last attempt): mark such a delivery failed, with
   * the category of its last attempt when it made one.
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
        { status: WebhookDeliveryStatus.Failed },
      );
    } catch (failure) {
      this.logger.error(
        { err: failure, jobId: job.id },
        'could not mark a webhook delivery failed',
      );
    }
  }

  private async post(endpoint: WebhookEndpoint, event: WebhookEvent): Promise<PostOutcome> {
    let secret: string;
    try {
      secret = this.secrets.open(endpoint.id, endpoint.secret);
    } catch (error) {
      if (!(error instanceof WebhookSecretUnreadableError)) throw error;
      // Another SECRETS_KEY, or a changed row: no retry can help, and nothing unsigned is sent.
      this.logger.error(
        { webhookId: endpoint.id, reason: error.message },
        'webhook secret unreadable: check SECRETS_KEY, or register the endpoint again',
      );
      throw new UnrecoverableError('the webhook secret is unreadable');
    }
    await this.secrets.reseal(endpoint.id, endpoint.secret);
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt,
      // A checkpoint is sent as it is exported, ready to be kept and verified.
      data: event.type === AUDIT_CHECKPOINT_EVENT ? event.checkpoint : event,
    });
    return this.poster.post(
      endpoint.url,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'raci-engine-webhooks/1',
        // Signed at each attempt, so a retry a day later is still within the receiver's tolerance.
        [SIGNATURE_HEADER]: signWebhook(secret, body),
        'Raci-Event-Id': event.id,
        'Raci-Event-Type': event.type,
      },
      body,
    );
  }

  private async organizationOf(endpointId: string): Promise<string | undefined> {
    const endpoint = await this.endpoints.findOne({
      select: { id: true, organizationId: true },
      where: { id: endpointId },
    });
    return endpoint?.organizationId;
  }

  private async settle(delivery: WebhookDelivery, values: Partial<WebhookDelivery>): Promise<void> {
    // Only a pending delivery changes: a delivered or failed one is final.
    await this.deliveries.update(
      { id: delivery.id, status: WebhookDeliveryStatus.Pending },
      values,
    );
  }
}
