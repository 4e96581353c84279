import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '@app/core';
import { Catalog } from '@app/catalog';
import { isUuid, Organization, TokensService, User } from '@app/parties';
import { Request, RequestVerb, RequestView, TransitionRequestService } from '@app/requests';
import { EmailActionLink, EmailVerb } from './email-action-link.entity';
import { EmailActionsException } from './email-actions.exception';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Signed, single-use, expiring approve/reject links, each bound to one approver. Following a link
 * only shows a page (mail scanners open links); the POST from that page acts, as that approver,
 * through the same RACI and four-eyes rules as the API.
 */
@Injectable()
export class EmailActionLinks {
  private readonly logger = new Logger(EmailActionLinks.name);
  private readonly secret: Buffer;

  constructor(
    @InjectRepository(EmailActionLink) private readonly links: Repository<EmailActionLink>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly catalog: Catalog,
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
    verb: EmailVerb,
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
    const base = this.config.env.PUBLIC_URL ?? `http://localhost:${this.config.env.PORT}`;
    return {
      url: `${base.replace(/\/$/, '')}/v1/email-actions/${link.id}.${this.sign(link)}`,
      expiresAt: link.expiresAt,
    };
  }

  /** What a link would do, without doing it; refuses invalid, expired and used links. */
  async inspect(token: string): Promise<EmailActionLink> {
    const link = await this.verified(token);
    if (link.usedAt) throw EmailActionsException.used();
    if (link.expiresAt.getTime() < Date.now()) throw EmailActionsException.expired();
    return link;
  }

  /** What a link is about, for its confirmation page. */
  async describe(token: string): Promise<{
    verb: EmailVerb;
    requestId: string;
    actionTitle: string;
    organizationName: string;
    state: string;
  }> {
    const link = await this.inspect(token);
    const request = await this.requests.findOneByOrFail({ id: link.requestId });
    const organization = await this.organizations.findOneByOrFail({ id: request.organizationId });
    const actionTitle = this.catalog.action(request.action)?.title ?? request.action;
    return {
      verb: link.verb,
      requestId: request.id,
      actionTitle,
      organizationName: organization.name,
      state: request.state,
    };
  }

  /** Uses a link once: marks it used, then acts as its approver. */
  async act(token: string, reason: string | undefined): Promise<RequestView> {
    const link = await this.inspect(token);
    const claimed = await this.links.update(
      { id: link.id, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (!claimed.affected) throw EmailActionsException.used();
    const user = await this.users.findOneBy({ id: link.userId });
    if (!user) throw EmailActionsException.invalid();
    const principal = await this.tokens.principalOf(user);
    const verb = link.verb === 'approve' ? RequestVerb.Approve : RequestVerb.Reject;
    return this.transitions.act(principal, link.requestId, verb, { text: reason });
  }

  private async verified(token: string): Promise<EmailActionLink> {
    const [id, signature] = token.split('.');
    const link = isUuid(id) ? await this.links.findOneBy({ id }) : null;
    if (!link || !signature) throw EmailActionsException.invalid();
    const expected = Buffer.from(this.sign(link));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw EmailActionsException.invalid();
    return { ...link, expiresAt: new Date(link.expiresAt) };
  }

  /** Signs what binds a link (its request, approver and verb); its expiry and use live in the database. */
  private sign(link: Pick<EmailActionLink, 'id' | 'requestId' | 'userId' | 'verb'>): string {
    const payload = [link.id, link.requestId, link.userId, link.verb].join('.');
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
