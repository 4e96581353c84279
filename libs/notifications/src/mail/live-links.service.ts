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
    const urls = new Map<string, string>();
    for (const slot of links) urls.set(placeholderOf(slot), await this.urlOf(slot));
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

  private async urlOf({ kind, id }: MailLinkSlot): Promise<string> {
    if (kind === MailLinkKind.Unsubscribe) return this.unsubscribe.url(id);
    const url = await this.decisions.urlOf(id);
    if (!url) throw new Error(`decision link ${id} of a message no longer exists`);
    return url;
  }
}
