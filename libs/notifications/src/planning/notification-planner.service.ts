import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Catalog, Party } from '@app/catalog';
import { RequestEvent } from '@app/core';
import { Locale } from '@app/parties';
import { DecisionLinks, RequestReader, RequestView } from '@app/requests';
import { DigestItems } from '../digest/digest-items.service';
import { MailMessage } from '../mail/mail-message';
import { InformedMail } from '../preferences/informed-mail';
import { NotificationPreferences } from '../preferences/notification-preferences.service';
import { UnsubscribeLinks } from '../preferences/unsubscribe-links.service';
import { withUnsubscribeNote } from '../preferences/unsubscribe-note';
import { RenderedMessage } from '../templates/message-context';
import { renderMessage } from '../templates/message-renderer';
import { audiencesOf, Audience } from './audience';
import { localeOf, RecipientDirectory } from './recipient-directory';

/** One message owed for an event, ready to be recorded and sent. */
export interface PlannedMessage {
  audience: Audience;
  recipient: string;
  organizationId: string;
  message: MailMessage;
}

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
  ) {}

  async plan(event: RequestEvent): Promise<PlannedMessage[]> {
    const audiences = audiencesOf(event);
    if (audiences.length === 0) return [];
    const request = await this.requests.find(event.requestId);
    if (!request) throw new Error(`request ${event.requestId} of event ${event.id} not found`);
    const { opinions } = request;
    const organizations = await this.directory.organizationsOf(request);
    const action = this.catalog.action(request.action);
    const planned = new Map<string, PlannedMessage>();
    const notNow = new Set<string>();
    for (const audience of audiences) {
      const recipients = await this.directory.recipients(audience, request, organizations);
      for (const { email, organization, userId } of recipients) {
        if (planned.has(email) || notNow.has(email)) continue;
        const informedUser = audience === Audience.Informed ? userId : undefined;
        const customerName = organizations[Party.Customer].name;
        if (informedUser && (await this.heldBack(event, request, informedUser, customerName))) {
          notNow.add(email);
          continue;
        }
        const asked = audience === Audience.ApprovalNeeded;
        const rendered = renderMessage({
          audience,
          eventType: event.type,
          locale: localeOf(organization),
          requestId: request.id,
          actionKey: request.action,
          actionTitle: action?.title ?? request.action,
          actionComment: action?.comment,
          organizationName: organizations[Party.Customer].name,
          state: event.toState,
          dueAt: request.dueAt ? new Date(request.dueAt) : null,
          performer: request.performer,
          via: action?.performer.via,
          eventText: event.comment,
          opinions: asked
            ? opinions.map(({ party, opinion, comment }) => ({ party, opinion, comment }))
            : [],
          links: asked && userId ? await this.linksFor(request.id, userId) : undefined,
        });
        const message: MailMessage = {
          messageId: messageIdOf(event.id, email),
          to: [email],
          ...(informedUser
            ? this.unsubscribable(rendered, informedUser, localeOf(organization))
            : rendered),
        };
        planned.set(email, {
          audience,
          recipient: email,
          organizationId: organization.id,
          message,
        });
      }
    }
    return [...planned.values()];
  }

  /**
   * Whether a user's Informed mail of this event waits for their daily digest (kept for it) or is
   * off; false when it goes now.
   */
  private async heldBack(
    event: RequestEvent,
    request: RequestView,
    userId: string,
    organizationName: string,
  ): Promise<boolean> {
    const choice = await this.preferences.informedOf(userId);
    if (choice === InformedMail.DailyDigest) {
      await this.digests.keep(event, userId, {
        actionKey: request.action,
        actionTitle: request.title,
        organizationName,
        state: event.toState,
        note: event.comment,
      });
    }
    return choice !== InformedMail.Immediate;
  }

  /** An Informed message to a user, with its one-click unsubscribe: headers and a visible link. */
  private unsubscribable(rendered: RenderedMessage, userId: string, locale: Locale) {
    return {
      ...withUnsubscribeNote(rendered, this.unsubscribe.url(userId), locale),
      headers: this.unsubscribe.headers(userId),
    };
  }

  private async linksFor(requestId: string, userId: string) {
    const approve = await this.links.issue(requestId, userId, 'approve');
    const reject = await this.links.issue(requestId, userId, 'reject');
    return { approve: approve.url, reject: reject.url, expiresAt: approve.expiresAt };
  }
}

/** The same event and recipient always give the same Message-ID, so duplicates are recognizable. */
export function messageIdOf(eventId: string, recipient: string): string {
  return `<${eventId}.${recipientKey(recipient)}@raci-engine>`;
}

export function recipientKey(recipient: string): string {
  return createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 16);
}
