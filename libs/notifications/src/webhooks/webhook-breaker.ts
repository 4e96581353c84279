import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { AdminAction, AdminAuditService } from '@app/audit';
import { AppConfig, TransactionRunner } from '@app/core';
import { OrganizationsService } from '@app/parties';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/**
 * The circuit breaker of each endpoint: WEBHOOK_FAILURES_BEFORE_PAUSE failed attempts in a row
 * pause it, so an endpoint that is down stops costing work and retries. The pause is recorded in
 * its organization's admin log (`webhook.paused`), where its admins see it, and logged; an admin
 * resumes the endpoint through the API.
 */
@Injectable()
export class WebhookBreaker {
  private readonly logger = new Logger(WebhookBreaker.name);
  private readonly threshold: number;

  constructor(
    config: AppConfig,
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
    private readonly organizations: OrganizationsService,
  ) {
    this.threshold = config.env.WEBHOOK_FAILURES_BEFORE_PAUSE;
  }

  /** An answer came: the count starts again. */
  async succeeded(endpoint: WebhookEndpoint): Promise<void> {
    await this.endpoints.update(
      { id: endpoint.id, consecutiveFailures: MoreThan(0) },
      { consecutiveFailures: 0 },
    );
  }

  /** Counts a failed attempt; true when this one paused the endpoint. */
  async failed(endpoint: WebhookEndpoint): Promise<boolean> {
    await this.endpoints.increment({ id: endpoint.id }, 'consecutiveFailures', 1);
    const now = await this.endpoints.findOneBy({ id: endpoint.id });
    if (!now || now.pausedAt || now.consecutiveFailures < this.threshold) return false;
    const providerId = await this.organizations.providerOrganizationId();
    const pausedAt = new Date();
    const paused = await this.transactions.run(async (manager) => {
      // Only the first of several failing workers pauses it and records so.
      const { affected } = await manager.update(
        WebhookEndpoint,
        { id: endpoint.id, pausedAt: IsNull(), disabledAt: IsNull() },
        { pausedAt },
      );
      if (!affected) return false;
      await this.audit.record(manager, {
        organizationId: endpoint.organizationId,
        // No person paused it: the engine did, as the provider that runs it.
        actor: { userId: null, organizationId: providerId },
        action: AdminAction.WebhookPaused,
        subjectType: 'webhook',
        subjectId: endpoint.id,
        changes: {
          pausedAt: { from: null, to: pausedAt.toISOString() },
          consecutiveFailures: { from: null, to: now.consecutiveFailures },
        },
      });
      return true;
    });
    if (paused) {
      this.logger.warn(
        {
          webhookId: endpoint.id,
          organizationId: endpoint.organizationId,
          failures: now.consecutiveFailures,
        },
        'webhook paused after failing repeatedly; an admin of its organization may resume it',
      );
    }
    return paused;
  }
}
