import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Catalog } from '@app/catalog';
import { AppConfig } from '@app/core';
import { isUuid, OrganizationsService, TokensService } from '@app/parties';
import { RequestVerb } from '../domain/request-state';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestView } from '../request.view';
import { TransitionRequestService } from '../use-cases/transition-request.service';
import { DecisionLink, LinkVerb } from './decision-link.entity';

const HOUR_MS = 60 * 60 * 1000;

/** What a link is about, for its confirmation page. */
export interface LinkSummary {
  verb: LinkVerb;
  requestId: string;
  actionTitle: string;
  organizationName: string;
  state: string;
}

/**
 * Decisions by email: signed, single-use, expiring approve and reject links, each bound to one
 * approver. Following a link only shows a page (mail scanners open links); the POST from that page
 * decides, as that approver, through the same use case, RACI and four-eyes rules as the API. Mail
 * only asks for a link to put in a message.
 */
@Injectable()
export class DecisionLinks {
  private readonly logger = new Logger(DecisionLinks.name);
  private readonly secret: Buffer;

  constructor(
    @InjectRepository(DecisionLink) private readonly links: Repository<DecisionLink>,
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    private readonly catalog: Catalog,
    private readonly organizations: OrganizationsService,
    private readonly tokens: TokensService,
    private readonly transitions: TransitionRequestService,
    private readonly config: AppConfig,
  ) {
    this.secret = config.env.LINK_SECRET ? Buffer.from(config.env.LINK_SECRET) : randomBytes(32);
    if (!config.env.LINK_SECRET)
      this.logger.warn(
        'LINK_SECRET is not set: approval links work only in the process that made them',
      );
  }

  /** A new link for one approver to approve or reject one request. */
  async issue(
    requestId: string,
    userId: string,
    verb: LinkVerb,
  ): Promise<{ url: string; expiresAt: Date }> {
    const now = new Date();
    const link = {
      id: randomUUID(),
      requestId,
      userId,
      verb,
      expiresAt: new Date(now.getTime() + this.config.env.LINK_TTL_HOURS * HOUR_MS),
      usedAt: null,
      createdAt: now,
    };
    await this.links.insert(link);
    return {
      url: `${this.config.publicUrl}/v1/email-actions/${link.id}.${this.sign(link)}`,
      expiresAt: link.expiresAt,
    };
  }

  /** What a link would do, without doing it; refuses invalid, expired and used links. */
  async describe(token: string): Promise<LinkSummary> {
    const link = await this.usable(token);
    const request = await this.requests.findOneByOrFail({ id: link.requestId });
    const organization = await this.organizations.findById(request.organizationId);
    return {
      verb: link.verb,
      requestId: request.id,
      actionTitle: this.catalog.action(request.action)?.title ?? request.action,
      organizationName: organization?.name ?? request.organizationId,
      state: request.state,
    };
  }

  /** Uses a link once: marks it used, then decides as its approver. */
  async act(token: string, reason: string | undefined): Promise<RequestView> {
    const link = await this.usable(token);
    const claimed = await this.links.update(
      { id: link.id, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (!claimed.affected) throw new RequestsException(Code.LinkUsed);
    const principal = await this.tokens.principalOfUser(link.userId);
    if (!principal) throw new RequestsException(Code.LinkInvalid);
    const verb = link.verb === 'approve' ? RequestVerb.Approve : RequestVerb.Reject;
    return this.transitions.act(principal, link.requestId, verb, { text: reason });
  }

  private async usable(token: string): Promise<DecisionLink> {
    const link = await this.verified(token);
    if (link.usedAt) throw new RequestsException(Code.LinkUsed);
    if (link.expiresAt.getTime() < Date.now()) throw new RequestsException(Code.LinkExpired);
    return link;
  }

  private async verified(token: string): Promise<DecisionLink> {
    const [id, signature] = token.split('.');
    const link = isUuid(id) ? await this.links.findOneBy({ id }) : null;
    if (!link || !signature) throw new RequestsException(Code.LinkInvalid);
    const expected = Buffer.from(this.sign(link));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new RequestsException(Code.LinkInvalid);
    return { ...link, expiresAt: new Date(link.expiresAt) };
  }

  /** Signs what binds a link (its request, approver and verb); its expiry and use live in the database. */
  private sign(link: Pick<DecisionLink, 'id' | 'requestId' | 'userId' | 'verb'>): string {
    const payload = [link.id, link.requestId, link.userId, link.verb].join('.');
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
