import { Injectable } from '@nestjs/common';
import { DecisionLinks } from '@app/requests';
import { UnsubscribeLinks } from '../preferences/unsubscribe-links.service';
import { escapeHtml } from '../templates/html';
import { MailLinkKind, MailLinkSlot, PLACEHOLDER, placeholderOf } from './mail-link-slot';
import { MailMessage } from './mail-message';

/**
 * Turns a stored message into the one sent: each link slot's placeholder becomes its working URL,
 * computed from the link's id and `LINK_SECRET` at that moment. The same message always gives the
 * same URLs, so a dead letter sent again is sent exactly as it was.
 */
@Injectable()
export class LiveLinks {
  constructor(
    private readonly decisions: DecisionLinks,
    private readonly unsubscribe: UnsubscribeLinks,
  ) {}

  async fill(message: MailMessage): Promise<MailMessage> {
    const { links, ...sent } = message;
    if (!links?.length) return sent;
    const decisions = await this.decisions.urlsOf(
      links.filter((slot) => slot.kind === MailLinkKind.Decision).map((slot) => slot.id),
    );
    const urls = new Map(links.map((slot) => [placeholderOf(slot), this.urlOf(slot, decisions)]));
    const fill = (value: string, escape: (url: string) => string = (url) => url) =>
      value.replace(PLACEHOLDER, (placeholder) => {
        const url = urls.get(placeholder);
        return url === undefined ? placeholder : escape(url);
      });
    return {
      ...sent,
      text: fill(sent.text),
      ...(sent.html !== undefined && { html: fill(sent.html, escapeHtml) }),
      ...(sent.headers && {
        headers: Object.fromEntries(
          Object.entries(sent.headers).map(([name, value]) => [name, fill(value)]),
        ),
      }),
    };
  }

  /** A slot's URL; the decision links' were read together, in one query for the whole message. */
  private urlOf({ kind, id }: MailLinkSlot, decisions: Map<string, string>): string {
    if (kind === MailLinkKind.Unsubscribe) return this.unsubscribe.url(id);
    const url = decisions.get(id);
    if (!url) throw new Error(`decision link ${id} of a message no longer exists`);
    return url;
  }
}
