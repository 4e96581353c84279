import { dateIn, escapeHtml, stateInWords } from '@app/notifications';
import type { LinkSummary, LinkVerb } from '@app/requests';
import { Locale } from '@app/parties';
import { PAGE_WORDS } from './email-action.words';

/** The small HTML pages behind the decision links of emails, in the language of the link's holder. */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem}textarea{width:100%}';

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function requestLine(summary: LinkSummary, viewUrl: string): string {
  const words = PAGE_WORDS[summary.locale];
  const state = stateInWords(summary.locale, summary.state);
  return (
    `<p><strong>${escapeHtml(summary.actionTitle)}</strong> ${words.forCustomer} ${escapeHtml(summary.organizationName)}</p>` +
    `<p>${words.request} <a href="${escapeHtml(viewUrl)}"><code>${escapeHtml(summary.requestId)}</code></a>, ${words.now} ${escapeHtml(state)}.</p>`
  );
}

/** Shown when a usable link is followed: nothing happens until the button is pressed. */
export function confirmationPage(summary: LinkSummary, viewUrl: string): string {
  const ask = PAGE_WORDS[summary.locale].asks[summary.verb];
  const required = summary.verb === 'reject' ? ' required' : '';
  return page(
    summary.locale,
    ask.question,
    requestLine(summary, viewUrl) +
      `<form method="post"><p><label>${escapeHtml(ask.field)}<br><textarea name="reason" rows="3" maxlength="2000"${required}></textarea></label></p>` +
      `<button type="submit" id="confirm">${escapeHtml(ask.button)}</button></form>`,
  );
}

/**
 * Shown for a link that can no longer act (used, the request moved on, the party answered, the due
 * date passed): what happened and who did it, and no form, since it could only fail.
 */
export function closedPage(summary: LinkSummary, viewUrl: string): string {
  const words = PAGE_WORDS[summary.locale];
  const closed = summary.closed!;
  const who = closed.by
    ? `${escapeHtml(closed.by.name || closed.by.email)} (${escapeHtml(closed.by.email)})`
    : words.engine;
  const what = closed.event
    ? (words.done[closed.event] ?? escapeHtml(closed.event))
    : words.changed;
  const happened = words.closed[closed.reason]
    .replace('{what}', () => what)
    .replace('{who}', () => who)
    .replace('{when}', () => escapeHtml(dateIn(summary.locale, new Date(closed.at))));
  return page(
    summary.locale,
    words.cannotUse,
    `<p id="problem">${happened}</p>` + requestLine(summary, viewUrl),
  );
}

export function donePage(locale: Locale, verb: LinkVerb, requestId: string, state: string): string {
  const words = PAGE_WORDS[locale];
  return page(
    locale,
    words.asks[verb].done,
    `<p id="result">${words.request} <code>${escapeHtml(requestId)}</code> ${locale === Locale.Fr ? 'est' : 'is'} ${words.now} ${escapeHtml(stateInWords(locale, state))}.</p>`,
  );
}

export function problemPage(message: string, locale: Locale = Locale.En): string {
  return page(locale, PAGE_WORDS[locale].cannotUse, `<p id="problem">${escapeHtml(message)}</p>`);
}
