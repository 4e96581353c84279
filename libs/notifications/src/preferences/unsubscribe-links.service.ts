import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, linkSecret } from '@app/core';
import { isUuid, User, UsersService } from '@app/parties';
import { MailLinkKind, MailLinkSlot, newSlot, placeholderOf } from '../mail/mail-link-slot';
import { NotificationsErrorCode as Code, NotificationsException } from '../notifications.exception';

/** An unsubscribe link as a stored message holds it: a slot, whose URL is filled in at sending. */
export interface UnsubscribeSlot {
  slot: MailLinkSlot;
  /** The slot's placeholder, where the URL goes in the message's text and HTML. */
  url: string;
  /** The headers of a one-click unsubscribe (RFC 2369, RFC 8058), the URL a placeholder too. */
  headers: Record<string, string>;
}

/** What the key of these links is derived from `LINK_SECRET` for, so no other signature can pass. */
const PURPOSE = 'raci-engine unsubscribe links v1';

/**
 * One-click unsubscribe (RFC 8058) from Informed mail: a link per user, `<userId>.<signature>`, the
 * signature an HMAC-SHA256 of the user's id under a key derived from `LINK_SECRET`. Nothing is
 * stored: the link cannot be forged, nor turned into another user's, and it keeps working in every
 * message that carried it. It only ever turns that user's Informed mail off. Stored messages hold it
 * as a slot (`slotFor`), and the URL is made as the message is sent.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly logger = new Logger(UnsubscribeLinks.name);
  private readonly key: Buffer;
  private readonly base: string;

  constructor(
    config: AppConfig,
    private readonly users: UsersService,
  ) {
    const secret = linkSecret(config, this.logger, 'unsubscribe links work only in this process');
    this.key = createHmac('sha256', secret).update(PURPOSE).digest();
    this.base = (config.env.PUBLIC_URL ?? `http://localhost:${config.env.PORT}`).replace(/\/$/, '');
  }

  /** The page that unsubscribes `userId`: a button on GET, one click on POST. */
  url(userId: string): string {
    return `${this.base}/v1/unsubscribe/${userId}.${this.sign(userId)}`;
  }

  /** The link of `userId` for a message to be stored, with the headers that offer it to mail programs. */
  slotFor(userId: string): UnsubscribeSlot {
    const slot = newSlot(MailLinkKind.Unsubscribe, userId);
    const url = placeholderOf(slot);
    return { slot, url, headers: unsubscribeHeaders(url) };
  }

  /** The user a link was made for; a forged, altered or unknown one is refused. */
  async userOf(token: string): Promise<User> {
    const [userId, signature, ...rest] = token.split('.');
    if (!isUuid(userId) || !signature || rest.length > 0) throw invalid();
    const expected = Buffer.from(this.sign(userId));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    const [user] = await this.users.byIds([userId]);
    if (!user) throw invalid();
    return user;
  }

  private sign(userId: string): string {
    return createHmac('sha256', this.key)
      .update(`unsubscribe.informed.${userId}`)
      .digest('base64url');
  }
}

/** The headers that let a mail program offer a one-click unsubscribe (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function invalid(): NotificationsException {
  return new NotificationsException(Code.UnsubscribeLinkInvalid);
}
