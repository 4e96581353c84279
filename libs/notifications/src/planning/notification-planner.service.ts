import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Catalog, Party } from '@app/catalog';
import { AppConfig, RequestEvent, RequestEventType } from '@app/core';
import { Locale, UsersService } from '@app/parties';
import { DecisionLinks, LINK_PAIRS, LinkVerb, RequestReader, RequestView } from '@app/requests';
import { DigestItems } from '../digest/digest-items.service';
import { MailLinkKind, MailLinkSlot, newSlot, placeholderOf } from '../mail/mail-link-slot';
import { MailMessage } from '../mail/mail-message';
import { InformedMail } from '../preferences/informed-mail';
import { NotificationPreferences } from '../preferences/notification-preferences.service';
import { UnsubscribeLinks } from '../preferences/unsubscribe-links.service';
import { MailComment } from '../templates/message-context';
import { renderMessage } from '../templates/message-renderer';
import { requestPageUrl } from '../templates/request-page-url';
import { audiencesOf, Audience } from './audience';
import { isMatrixChange, matrixChangeParams, matrixChangeWords } from './matrix-change';
import { actionWords, labelledParams, waitingLines } from './message-facts';
import { localeOf, Recipient, RecipientDirectory } from './recipient-directory';

/** One message owed for an event, ready to be recorded and sent. */
export interface PlannedMessage {
  audience: Audience;
  recipient: string;
  organizationId: string;
  message: MailMessage;
}

/** The events whose messages carry the answer: the result and every public comment. */
const ANSWERS: ReadonlySet<RequestEventType> = new Set([
  RequestEventType.Completed,
  RequestEventType.Failed,
]);

/**
 * Decides who hears of an event and what each is told: one message per recipient and event (the
 * first audience wins where a person is in several), worded for the recipient's organization. A
 * user Informed of the event gets it as they chose: at once (with a one-click unsubscribe), kept
 * for their daily digest, or not at all; contact mailboxes always get it at once.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    private readonly requests: RequestReader,
    private readonly catalog: Catalog,
    private readonly directory: RecipientDirectory,
    private readonly links: DecisionLinks,
    private readonly preferences: NotificationPreferences,
    private readonly digests: DigestItems,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async plan(event: RequestEvent): Promise<PlannedMessage[]> {
    const audiences = audiencesOf(event);
    if (audiences.length === 0) return [];
    const request = await this.requests.find(event.requestId);
    if (!request) throw new Error(`request ${event.requestId} of event ${event.id} not found`);
    const { opinions } = request;
    const organizations = await this.directory.organizationsOf(request);
    const action = (await this.catalog.at(request.catalogVersion)).action(request.action);
    const answer = ANSWERS.has(event.type);
    const comments: MailComment[] = answer
      ? (await this.requests.publicComments(request.id)).map((c) => ({
          ...c,
          at: new Date(c.createdAt),
        }))
      : [];
    const names = await this.namesOf([
      ...(event.actorId ? [event.actorId] : []),
      ...opinions.map((o) => o.userId),
    ]);
    const opinionsShown = opinions.map(({ party, opinion, comment, userId, createdAt }) => ({
      party,
      opinion,
      comment,
      author: names.get(userId) ?? party,
      at: new Date(createdAt),
    }));
    const changeWords = await matrixChangeWords(this.catalog, request);
    const paramsIn = (locale: Locale) => {
      const labelled = labelledParams(action, request.params, locale);
      if (!isMatrixChange(request)) return labelled;
      const yamlLabel = labelledParams(action, { yaml: '' }, locale)[0].label;
      return matrixChangeParams(changeWords[locale], labelled, yamlLabel, locale);
    };
    const customerName = organizations[Party.Customer].name;
    // Who hears, from one read of the parties' members: the first audience wins a person in several.
    const chosen = new Map<string, { audience: Audience } & Recipient>();
    const notNow = new Set<string>();
    const everyone = await this.directory.recipientsOf(audiences, request, organizations);
    for (const audience of audiences) {
      for (const recipient of everyone.get(audience) ?? []) {
        const { email, organization, userId } = recipient;
        if (chosen.has(email) || notNow.has(email)) continue;
        const informedUser = audience === Audience.Informed ? userId : undefined;
        const title = actionWords(action, request.action, localeOf(organization)).title;
        if (
          informedUser &&
          (await this.heldBack(event, request, informedUser, customerName, title))
        ) {
          notNow.add(email);
          continue;
        }
        chosen.set(email, { audience, ...recipient });
      }
    }
    const links = await this.linksFor(request.id, [...chosen.values()]);
    const planned = new Map<string, PlannedMessage>();
    for (const { audience, email, organization, userId } of chosen.values()) {
      const informedUser = audience === Audience.Informed ? userId : undefined;
      const asked = audience === Audience.ApprovalNeeded;
      const locale = localeOf(organization);
      const words = actionWords(action, request.action, locale);
      const ownLinks = links.get(email);
      const unsubscribe = informedUser ? this.unsubscribe.slotFor(informedUser) : undefined;
      const rendered = renderMessage({
        audience,
        eventType: event.type,
        locale,
        requestId: request.id,
        actionKey: request.action,
        actionTitle: words.title,
        actionComment: words.comment,
        organizationName: customerName,
        submitter: request.submittedBy,
        params: paramsIn(locale),
        state: event.toState,
        dueAt: event.dueAt ? new Date(event.dueAt) : null,
        waitingOn: waitingLines(request),
        performer: request.performer,
        via: action?.performer.via,
        submitterComment: request.comment,
        eventText: event.comment,
        eventActor: event.actorId ? names.get(event.actorId) : null,
        stuck: event.stuck,
        opinions: asked ? opinionsShown : [],
        result: answer ? request.result : undefined,
        comments,
        viewUrl: requestPageUrl(this.config.publicUrl, request.id),
        links: ownLinks,
        unsubscribeUrl: unsubscribe?.url,
      });
      const slots = [...(ownLinks?.slots ?? []), ...(unsubscribe ? [unsubscribe.slot] : [])];
      const message: MailMessage = {
        messageId: messageIdOf(event.id, email),
        topic: topicOf(event.type, audience),
        to: [email],
        ...rendered,
        ...(unsubscribe && { headers: unsubscribe.headers }),
        ...(slots.length > 0 && { links: slots }),
      };
      planned.set(email, { audience, recipient: email, organizationId: organization.id, message });
    }
    return [...planned.values()];
  }

  /**
   * Whether a user's Informed mail of this event waits for their daily digest (kept for it, with the
   * action's title in the user's language) or is off; false when it goes now.
   */
  private async heldBack(
    event: RequestEvent,
    request: RequestView,
    userId: string,
    organizationName: string,
    actionTitle: string,
  ): Promise<boolean> {
    const choice = await this.preferences.informedOf(userId);
    if (choice === InformedMail.DailyDigest) {
      await this.digests.keep(event, userId, {
        actionKey: request.action,
        actionTitle,
        organizationName,
        state: event.toState,
        note: event.comment,
      });
    }
    return choice !== InformedMail.Immediate;
  }

  /** People's names (their address where they gave none), by id. */
  private async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const people = await this.users.byIds([...new Set(ids)]);
    return new Map(people.map((user) => [user.id, user.name || user.email]));
  }

  /**
   * The pair of decision links each message that asks carries, bound to its recipient, by address:
   * issued now, all of the event's in one go, each shown by its slot's placeholder, its working URL
   * made only as the message is sent.
   */
  private async linksFor(
    requestId: string,
    recipients: readonly ({ audience: Audience } & Recipient)[],
  ): Promise<Map<string, MessageLinks>> {
    const asking = recipients.flatMap(({ audience, email, userId }) => {
      const pair = PAIR_OF[audience];
      return pair && userId ? [{ email, userId, pair }] : [];
    });
    const wanted = asking.flatMap(({ userId, pair }) => pair.map((verb) => ({ userId, verb })));
    const issued = await this.links.issueAll(requestId, wanted);
    const byEmail = new Map<string, MessageLinks>();
    let next = 0;
    for (const { email, pair } of asking) {
      const verbs = [];
      const slots: MailLinkSlot[] = [];
      let expiresAt = new Date();
      for (const verb of pair) {
        const link = issued[next++];
        const slot = newSlot(MailLinkKind.Decision, link.id);
        slots.push(slot);
        verbs.push({ verb, url: placeholderOf(slot) });
        expiresAt = link.expiresAt;
      }
      byEmail.set(email, { verbs, expiresAt, slots });
    }
    return byEmail;
  }
}

/** The decision links a message of each audience asks with; the others carry none. */
const PAIR_OF: Partial<Record<Audience, (typeof LINK_PAIRS)[keyof typeof LINK_PAIRS]>> = {
  [Audience.ApprovalNeeded]: LINK_PAIRS.approval,
  [Audience.OpinionRequested]: LINK_PAIRS.opinion,
};

interface MessageLinks {
  verbs: { verb: LinkVerb; url: string }[];
  expiresAt: Date;
  slots: MailLinkSlot[];
}

/** What a message is about, in a word: `approval-needed`, `reminder-opinion-requested`, `request-completed`, … */
export function topicOf(type: RequestEventType, audience: Audience): string {
  if (type === RequestEventType.ApprovalReminder) return `reminder-${audience}`;
  if (audience !== Audience.Informed) return audience;
  return type.replace(/\./g, '-').replace(/_/g, '-');
}

/** The same event and recipient always give the same Message-ID, so duplicates are recognizable. */
export function messageIdOf(eventId: string, recipient: string): string {
  return `<${eventId}.${recipientKey(recipient)}@raci-engine>`;
}

export function recipientKey(recipient: string): string {
  return createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 16);
}
