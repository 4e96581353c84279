import { Locale } from '@app/parties';
import { RenderedMessage } from '../templates/message-context';
import { escapeHtml } from '../templates/html';

/** How a message offers its unsubscribe link: a sentence before the URL in text, a link in HTML. */
export const UNSUBSCRIBE_WORDS: Record<Locale, { text: string; link: string }> = {
  [Locale.En]: {
    text: 'To stop these updates, unsubscribe:',
    link: 'Unsubscribe from these updates',
  },
  [Locale.Fr]: {
    text: 'Pour ne plus recevoir ces nouvelles, désabonnez-vous :',
    link: 'Ne plus recevoir ces nouvelles',
  },
};

/** An Informed message with a visible unsubscribe link after its footer, besides its headers. */
export function withUnsubscribeNote(
  message: RenderedMessage,
  url: string,
  locale: Locale,
): RenderedMessage {
  const words = UNSUBSCRIBE_WORDS[locale];
  return {
    subject: message.subject,
    text: `${message.text}\n${words.text} ${url}`,
    html: `${message.html}\n<p><small><a href="${escapeHtml(url)}">${escapeHtml(words.link)}</a></small></p>`,
  };
}
