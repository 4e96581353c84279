import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { In, IsNull, Repository } from 'typeorm';
import { isUniqueViolation, JobName, QueueName, WEBHOOK_JOB_POLICY } from '@app/core';
import { OrganizationsService } from '@app/parties';
import type { RequestEvent } from '@app/requests';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { subscribesTo, WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookJob, webhookJobId } from './webhook-job';

/**
 * Turns a domain event into one webhook delivery job per endpoint that subscribed to it.
 * Called by the notification planner for every event the outbox relays.
 */
@Injectable()
export class WebhookDispatcher {
  constructor(
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue<WebhookJob>,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * Enqueues the deliveries of `event`; returns how many were enqueued. An event dispatched again
   * (a relay replaying after a crash) enqueues nothing new: each endpoint gets it once.
   */
  async dispatch(event: RequestEvent): Promise<number> {
    // The customer the request is for hears of it, and so does the provider, who serves them all.
    const providerId = await this.organizations.providerOrganizationId();
    const candidates = await this.endpoints.find({
      where: {
        organizationId: In([...new Set([event.organizationId, providerId])]),
        disabledAt: IsNull(),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    let enqueued = 0;
    for (const endpoint of candidates.filter((e) => subscribesTo(e, event.type))) {
      const recorded = await this.record(endpoint, event);
      // Added even when the row existed: a crash between the two writes must not lose the job, and
      // the deterministic job id makes a second add a no-op while the first job is kept.
      await this.queue.add(
        JobName.DeliverWebhook,
        { endpointId: endpoint.id, event },
        { ...WEBHOOK_JOB_POLICY, jobId: webhookJobId(event.id, endpoint.id) },
      );
      if (recorded) enqueued += 1;
    }
    return enqueued;
  }

  /** Writes the pending delivery row; false when the event was already dispatched to it. */
  private async record(endpoint: WebhookEndpoint, event: RequestEvent): Promise<boolean> {
    try {
      await this.deliveries.insert({
        id: randomUUID(),
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        requestId: event.requestId,
        status: WebhookDeliveryStatus.Pending,
        attempts: 0,
        responseStatus: null,
        lastError: null,
        createdAt: new Date(),
        deliveredAt: null,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
