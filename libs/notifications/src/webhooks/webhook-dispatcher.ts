import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { isUniqueViolation, JobItem, JobName, type WebhookEvent } from '@app/core';
import { OrganizationsService } from '@app/parties';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { subscribesTo, WebhookEndpoint } from './webhook-endpoint.entity';

/** Turns a domain event into one webhook delivery, and its job, per endpoint that subscribed to it. */
@Injectable()
export class WebhookDispatcher {
  constructor(
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * Records the deliveries of `event`, and answers their jobs and how many rows were new. An event
   * dispatched again (a job run again after a crash) records nothing new: each endpoint gets it once.
   */
  async dispatch(event: WebhookEvent): Promise<{ jobs: JobItem[]; recorded: number }> {
    // The customer the event is of hears of it, and so does the provider, who serves them all.
    const providerId = await this.organizations.providerOrganizationId();
    const candidates = await this.endpoints.find({
      where: {
        organizationId: In([...new Set([event.organizationId, providerId])]),
        disabledAt: IsNull(),
        // A paused endpoint hears nothing until an admin resumes it.
        pausedAt: IsNull(),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const jobs: JobItem[] = [];
    let recorded = 0;
    for (const endpoint of candidates.filter((e) => subscribesTo(e, event.type))) {
      if (await this.record(endpoint, event)) recorded += 1;
      jobs.push({
        name: JobName.DeliverWebhook,
        data: { endpointId: endpoint.id, organizationId: endpoint.organizationId, event },
      });
    }
    return { jobs, recorded };
  }

  /** Writes the pending delivery row; false when the event was already dispatched to it. */
  private async record(endpoint: WebhookEndpoint, event: WebhookEvent): Promise<boolean> {
    try {
      await this.deliveries.insert({
        id: randomUUID(),
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        // A checkpoint of an audit log is of no one request.
        requestId: 'requestId' in event ? event.requestId : null,
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
