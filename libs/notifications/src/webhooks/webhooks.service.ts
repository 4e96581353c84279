import { randomBytes, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AccessPolicy, isUuid, OrganizationsService, Principal } from '@app/parties';
import { WebhookDelivery } from './webhook-delivery.entity';
import { ALL_EVENT_TYPES, WebhookEndpoint } from './webhook-endpoint.entity';
import { nonPublicKind } from './webhook-address';
import { WebhookSecrets } from './webhook-secrets';
import { webhookUrlProblem } from './webhook-url';
import { NotificationsErrorCode as Code, NotificationsException } from '../notifications.exception';
import { AdminAction, AdminAuditService, created, removed } from '@app/audit';
import {
  AppConfig,
  keysetPage,
  oldestFirstPage,
  Page,
  PageRequest,
  TransactionRunner,
  WEBHOOK_EVENT_TYPES,
} from '@app/core';

/** Every secret starts with this, so a leaked one is easy to recognise (and to scan for). */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

const EVENT_TYPES: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

export interface RegisterWebhookInput {
  url: string;
  /** WEBHOOK_EVENT_TYPES values; omitted (or containing `*`) means every event. */
  eventTypes?: string[];
  /** The organization whose requests it hears of; the caller's own when omitted. */
  organizationId?: string;
}

/** A new endpoint and its signing secret: the only time the secret leaves the engine. */
export interface RegisteredWebhook {
  endpoint: WebhookEndpoint;
  secret: string;
}

/**
 * Webhook endpoints: organization admins manage their own organization's, provider admins any.
 * Another customer's endpoint answers 404, exactly as if it did not exist.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);
  /** Each endpoint multiplies the work of every event: bound how many one organization keeps. */
  private readonly maxPerOrganization: number;
  private readonly allowPrivate: boolean;

  constructor(
    config: AppConfig,
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
    private readonly secrets: WebhookSecrets,
  ) {
    this.maxPerOrganization = config.env.WEBHOOK_MAX_PER_ORGANIZATION;
    this.allowPrivate = config.env.WEBHOOK_ALLOW_PRIVATE;
  }

  async register(principal: Principal, input: RegisterWebhookInput): Promise<RegisteredWebhook> {
    const organizationId = input.organizationId ?? principal.organizationId;
    // Naming another customer's organization is "not found", as everywhere else.
    await this.organizations.get(principal, organizationId);
    AccessPolicy.requireAdmin(principal, organizationId);
    const problem = webhookUrlProblem(input.url);
    if (problem) throw new NotificationsException(Code.WebhookUrlNotAllowed, { problem });
    this.refuseNonPublicLiteral(new URL(input.url).hostname);
    const eventTypes = normalizeEventTypes(input.eventTypes);
    const count = await this.endpoints.countBy({ organizationId, disabledAt: IsNull() });
    if (count >= this.maxPerOrganization) {
      throw new NotificationsException(Code.WebhookLimitReached, {
        limit: this.maxPerOrganization,
      });
    }
    const secret = WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64url');
    const endpoint = Object.assign(new WebhookEndpoint(), {
      id: randomUUID(),
      organizationId,
      // What the parser normalised is what was checked, and what fetch will call.
      url: new URL(input.url).href,
      eventTypes,
      createdBy: principal.userId,
      createdAt: new Date(),
      disabledAt: null,
      consecutiveFailures: 0,
      pausedAt: null,
    });
    // The secret goes into the row only, sealed: the endpoint handed back never carries it.
    await this.transactions.run(async (manager) => {
      await manager.insert(WebhookEndpoint, {
        ...endpoint,
        secret: this.secrets.seal(endpoint.id, secret),
      });
      await this.audit.record(manager, {
        organizationId,
        actor: principal,
        action: AdminAction.WebhookCreated,
        subjectType: 'webhook',
        subjectId: endpoint.id,
        changes: created({ url: endpoint.url, eventTypes, secret }),
      });
    });
    // Ids only: the URL may carry a token in its query string, and the secret is never logged.
    this.logger.log({ webhookId: endpoint.id, organizationId }, 'webhook registered');
    return { endpoint, secret };
  }

  /** The caller's organization's endpoints; every organization's for provider admins. */
  async list(principal: Principal, page: PageRequest = {}): Promise<Page<WebhookEndpoint>> {
    AccessPolicy.requireAdmin(principal, principal.organizationId);
    return oldestFirstPage(
      this.endpoints,
      {
        disabledAt: IsNull(),
        ...(AccessPolicy.isProvider(principal) ? {} : { organizationId: principal.organizationId }),
      },
      page,
    );
  }

  /** Stops deliveries to an endpoint. Its row stays, so jobs already queued see that it is gone. */
  async disable(principal: Principal, id: string): Promise<void> {
    const endpoint = await this.findManageable(principal, id);
    await this.transactions.run(async (manager) => {
      await manager.update(
        WebhookEndpoint,
        { id: endpoint.id, disabledAt: IsNull() },
        { disabledAt: new Date() },
      );
      await this.audit.record(manager, {
        organizationId: endpoint.organizationId,
        actor: principal,
        action: AdminAction.WebhookDeleted,
        subjectType: 'webhook',
        subjectId: endpoint.id,
        changes: removed({ url: endpoint.url, eventTypes: endpoint.eventTypes }),
      });
    });
    this.logger.log({ webhookId: endpoint.id }, 'webhook deleted');
  }

  /**
   * Sends to a paused endpoint again, with its failure count reset; deliveries failed as `paused`
   * stay failed. Resuming an endpoint that is not paused changes nothing.
   */
  async resume(principal: Principal, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.findManageable(principal, id);
    if (!endpoint.pausedAt) return endpoint;
    await this.transactions.run(async (manager) => {
      await manager.update(
        WebhookEndpoint,
        { id: endpoint.id, disabledAt: IsNull() },
        { pausedAt: null, consecutiveFailures: 0 },
      );
      await this.audit.record(manager, {
        organizationId: endpoint.organizationId,
        actor: principal,
        action: AdminAction.WebhookResumed,
        subjectType: 'webhook',
        subjectId: endpoint.id,
        changes: { pausedAt: { from: endpoint.pausedAt?.toISOString(), to: null } },
      });
    });
    this.logger.log({ webhookId: endpoint.id }, 'webhook resumed');
    return Object.assign(endpoint, { pausedAt: null, consecutiveFailures: 0 });
  }

  /** The deliveries to an endpoint, newest first, a page at a time. */
  async deliveriesOf(
    principal: Principal,
    id: string,
    page: PageRequest = {},
  ): Promise<Page<WebhookDelivery>> {
    const endpoint = await this.findManageable(principal, id);
    return keysetPage(this.deliveries, { endpointId: endpoint.id }, page, 'DESC');
  }

  /**
   * An address given as such must be public. This is a courtesy that answers early: names are
   * checked at each delivery, against every address they resolve to then.
   */
  private refuseNonPublicLiteral(hostname: string): void {
    if (this.allowPrivate) return;
    const host = hostname.replace(/^\[|\]$/g, '');
    if (!isIP(host)) return;
    const kind = nonPublicKind(host);
    if (kind)
      throw new NotificationsException(Code.WebhookAddressNotPublic, { address: host, kind });
  }

  private async findManageable(principal: Principal, id: string): Promise<WebhookEndpoint> {
    const endpoint = isUuid(id)
      ? await this.endpoints.findOneBy({ id, disabledAt: IsNull() })
      : null;
    if (!endpoint || !AccessPolicy.canSee(principal, endpoint.organizationId)) {
      throw new NotificationsException(Code.WebhookNotFound, { id });
    }
    AccessPolicy.requireAdmin(principal, endpoint.organizationId);
    return endpoint;
  }
}

/** `["*"]` for every event; otherwise the distinct types asked for, each a known one. */
function normalizeEventTypes(types: string[] | undefined): string[] {
  if (!types || types.includes(ALL_EVENT_TYPES)) return [ALL_EVENT_TYPES];
  if (types.length === 0) {
    throw new NotificationsException(Code.WebhookEventTypesInvalid);
  }
  const unknown = types.filter((type) => !EVENT_TYPES.has(type));
  if (unknown.length > 0) {
    throw new NotificationsException(Code.WebhookEventTypesInvalid, { unknown });
  }
  return [...new Set(types)];
}
