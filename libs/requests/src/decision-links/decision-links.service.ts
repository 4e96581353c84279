import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { Catalog } from '@app/catalog';
import { AppConfig, linkSecret } from '@app/core';
import {
  AuthMethod,
  CredentialKind,
  ENGINE_ISSUER,
  isUuid,
  Locale,
  OrganizationsService,
  Principal,
  TokensService,
  UsersService,
} from '@app/parties';
import { requirePersonalCredential } from '../domain/personal-credential.policy';
import { requireStepUp, stepUpApplies } from '../domain/step-up.policy';
import { RequestOpinion } from '../entities/request-opinion.entity';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { PersonView, RequestView } from '../request.view';
import { TransitionRequestService } from '../use-cases/transition-request.service';
import { DecisionLink, LinkVerb } from './decision-link.entity';
import { ClosedReason, closureOf, LinkClosed } from './link-closure';
import { LINK_DECISIONS } from './link-verbs';

const HOUR_MS = 60 * 60 * 1000;

/** What a link is about, for its page; `closed` says why it can no longer act, and who acted. */
export interface LinkSummary {
  verb: LinkVerb;
  requestId: string;
  actionTitle: string;
  organizationName: string;
  state: string;
  /** The language of the link's holder (their organization's): its page speaks it. */
  locale: Locale;
  /** The person the link was made for: only they may decide with it. */
  holderId: string;
  /** The decision needs a multi-factor sign-in first (OIDC_STEP_UP_ACR): the link alone is not enough. */
  needsStepUp: boolean;
  closed?: LinkClosed & { by: PersonView | null };
}

const REFUSAL: Record<ClosedReason, Code> = {
  used: Code.LinkUsed,
  expired: Code.LinkExpired,
  'moved-on': Code.LinkNoLongerApplies,
  answered: Code.LinkNoLongerApplies,
};

/**
 * Decisions by email: signed, single-use links, each bound to one person: approve and reject for
 * an approver, agree and disagree for a Consulted party. A link lives until the request leaves the
 * state it was made for, or the decision's due date, whichever comes first. Following a link only
 * shows a page (mail scanners open links); the POST from that page decides, as that person, through
 * the same use case, table of who acts and four-eyes rule as the API. Mail only asks for links.
 */
@Injectable()
export class DecisionLinks {
  private readonly logger = new Logger(DecisionLinks.name);
  private readonly secret: Buffer;

  constructor(
    @InjectRepository(DecisionLink) private readonly links: Repository<DecisionLink>,
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    @InjectRepository(RequestOpinion) private readonly opinions: Repository<RequestOpinion>,
    private readonly catalog: Catalog,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
    private readonly transitions: TransitionRequestService,
    private readonly config: AppConfig,
  ) {
    this.secret = linkSecret(
      config,
      this.logger,
      'decision links work only in the process that made them',
    );
  }

  /**
   * A new link for one person to take one decision on one request. It expires at the decision's due
   * date (`LINK_TTL_HOURS` from now where the request has none). Answers its id only: the working
   * URL comes from `urlOf` when the message that carries it is sent, so none is kept at rest.
   */
  async issue(
    requestId: string,
    userId: string,
    verb: LinkVerb,
  ): Promise<{ id: string; expiresAt: Date }> {
    return (await this.issueAll(requestId, [{ userId, verb }]))[0];
  }

  /**
   * Links for several people and decisions on one request, in the order asked: one read of the
   * request and one insert, however many messages of an event carry links.
   */
  async issueAll(
    requestId: string,
    wanted: readonly { userId: string; verb: LinkVerb }[],
  ): Promise<{ id: string; expiresAt: Date }[]> {
    if (wanted.length === 0) return [];
    const now = new Date();
    const request = await this.requests.findOneByOrFail({ id: requestId });
    const expiresAt = request.dueAt
      ? new Date(request.dueAt)
      : new Date(now.getTime() + this.config.env.LINK_TTL_HOURS * HOUR_MS);
    const links = wanted.map(({ userId, verb }) => ({
      id: randomUUID(),
      requestId,
      userId,
      verb,
      expiresAt,
      usedAt: null,
      createdAt: now,
    }));
    await this.links.insert(links);
    return links.map((link) => ({ id: link.id, expiresAt: link.expiresAt }));
  }

  /**
   * The working URL of an issued link, the same every time it is asked for (a message sent again
   * carries the same link); null for a link that does not exist.
   */
  async urlOf(id: string): Promise<string | null> {
    return (await this.urlsOf([id])).get(id) ?? null;
  }

  /** The working URLs of issued links, by id, read in one query; a link that does not exist has none. */
  async urlsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const valid = ids.filter(isUuid);
    const links = valid.length > 0 ? await this.links.findBy({ id: In(valid) }) : [];
    return new Map(
      links.map((link) => [
        link.id,
        `${this.config.publicUrl}/v1/email-actions/${link.id}.${this.sign(link)}`,
      ]),
    );
  }

  /** What a link would do, without doing it; and, for a link that no longer can, what happened. */
  async describe(token: string): Promise<LinkSummary> {
    const link = await this.verified(token);
    const request = await this.requests.findOneByOrFail({ id: link.requestId });
    const organization = await this.organizations.findById(request.organizationId);
    const closed = await this.closure(link, request);
    const [by] = closed?.actorId ? await this.users.byIds([closed.actorId]) : [];
    const [holder] = await this.users.byIds([link.userId]);
    const home = holder ? await this.organizations.findById(holder.organizationId) : null;
    const locale = home?.locale ?? Locale.En;
    const action = (await this.catalog.at(request.catalogVersion)).action(request.action);
    return {
      verb: link.verb,
      requestId: request.id,
      locale,
      holderId: link.userId,
      needsStepUp: stepUpApplies(LINK_DECISIONS[link.verb].verb, this.config),
      actionTitle:
        (locale === Locale.Fr ? action?.i18n?.fr?.title : undefined) ??
        action?.title ??
        request.action,
      organizationName: organization?.name ?? request.organizationId,
      state: request.state,
      ...(closed && {
        closed: { ...closed, by: by ? { id: by.id, name: by.name, email: by.email } : null },
      }),
    };
  }

  /**
   * Uses a link once: marks it used, then decides as its person. `signedIn` is the caller's own
   * session, if any: when it is the link's person, the decision is made with it (and so may carry
   * the multi-factor sign-in a step-up needs); otherwise with the link as the credential.
   */
  async act(token: string, reason: string | undefined, signedIn?: Principal): Promise<RequestView> {
    const link = await this.verified(token);
    const request = await this.requests.findOneByOrFail({ id: link.requestId });
    const closed = await this.closure(link, request);
    if (closed) throw new RequestsException(REFUSAL[closed.reason]);
    const principal = await this.deciderOf(link, signedIn);
    const { verb, opinion } = LINK_DECISIONS[link.verb];
    // Before the link is used up: a decision refused for want of step-up leaves it usable.
    requirePersonalCredential(verb, principal);
    requireStepUp(verb, principal, this.config);
    const claimed = await this.links.update(
      { id: link.id, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (!claimed.affected) throw new RequestsException(Code.LinkUsed);
    return this.transitions.act(principal, link.requestId, verb, { text: reason, opinion });
  }

  private async deciderOf(link: DecisionLink, signedIn?: Principal): Promise<Principal> {
    if (signedIn?.userId === link.userId) return signedIn;
    const principal = await this.tokens.principalOfUser(link.userId);
    if (!principal) throw new RequestsException(Code.LinkInvalid);
    const credential = {
      kind: CredentialKind.DecisionLink,
      id: link.id,
      // Made by the engine and mailed to the person's own mailbox, like a sign-in link.
      issuer: ENGINE_ISSUER,
      personal: true,
      method: AuthMethod.DecisionLink,
      acr: null,
      amr: [],
      authTime: null,
    };
    return { ...principal, credential };
  }

  private async closure(link: DecisionLink, request: Request): Promise<LinkClosed | undefined> {
    const opinionLink = LINK_DECISIONS[link.verb].opinion !== undefined;
    const party = opinionLink ? (await this.tokens.principalOfUser(link.userId))?.party : undefined;
    const answered = party ? await this.opinions.findOneBy({ requestId: request.id, party }) : null;
    return closureOf({
      link,
      request,
      history: await this.audit.history(request.id),
      answered,
      now: new Date(),
    });
  }

  private async verified(token: string): Promise<DecisionLink> {
    const [id, signature] = token.split('.');
    const link = isUuid(id) ? await this.links.findOneBy({ id }) : null;
    if (!link || !signature) throw new RequestsException(Code.LinkInvalid);
    const expected = Buffer.from(this.sign(link));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new RequestsException(Code.LinkInvalid);
    return {
      ...link,
      expiresAt: new Date(link.expiresAt),
      usedAt: link.usedAt ? new Date(link.usedAt) : null,
      createdAt: new Date(link.createdAt),
    };
  }

  /** Signs what binds a link (its request, person and verb); its expiry and use live in the database. */
  private sign(link: Pick<DecisionLink, 'id' | 'requestId' | 'userId' | 'verb'>): string {
    const payload = [link.id, link.requestId, link.userId, link.verb].join('.');
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
