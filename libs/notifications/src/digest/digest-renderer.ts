import { Locale } from '@app/parties';
import { withUnsubscribeNote } from '../preferences/unsubscribe-note';
import { dateIn } from '../templates/dates';
import { escapeHtml } from '../templates/html';
import { RenderedMessage } from '../templates/message-context';
import { inline } from '../templates/text-output';
import { WORDING } from '../templates/wording';
import { DigestItem } from './digest-item.entity';
import { DIGEST_WORDING } from './digest-wording';

/** Everything a digest shows: one user's news of a day, in their organization's language. */
export interface DigestContext {
  locale: Locale;
  day: string;
  items: Pick<DigestItem, 'eventType' | 'requestId' | 'summary' | 'occurredAt'>[];
  unsubscribeUrl: string;
}

/** One request's part of a digest: its latest look, and its events oldest first. */
interface RequestNews {
  requestId: string;
  heading: string;
  lines: string[];
}

/** Renders a daily digest, text and HTML: the day's news grouped by request, oldest first. */
export function renderDigest({
  locale,
  day,
  items,
  unsubscribeUrl,
}: DigestContext): RenderedMessage {
  const words = DIGEST_WORDING[locale];
  const news = groupByRequest(items, locale);
  const subject = words.subject(day, items.length, news.length);
  const text = [
    words.title(day),
    '',
    words.intro,
    ...news.flatMap((request) => [
      '',
      request.heading,
      `${words.request}: ${request.requestId}`,
      ...request.lines.map((line) => `- ${line}`),
    ]),
    '',
    '--',
    words.footer,
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(words.title(day))}</h2>`,
    `<p>${escapeHtml(words.intro)}</p>`,
    ...news.map(
      (request) =>
        `<h3>${escapeHtml(request.heading)}</h3>` +
        `<p><small>${escapeHtml(words.request)}: ${escapeHtml(request.requestId)}</small></p>` +
        `<ul>${request.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    ),
    `<hr><p><small>${escapeHtml(words.footer)}</small></p>`,
  ].join('\n');
  return withUnsubscribeNote({ subject, text, html }, unsubscribeUrl, locale);
}

function groupByRequest(items: DigestContext['items'], locale: Locale): RequestNews[] {
  const words = DIGEST_WORDING[locale];
  const { informed, states, systemNotes } = WORDING[locale];
  const headlines = informed as Record<string, string | undefined>;
  const sorted = [...items].sort(
    (a, b) => new Date(a.occurredAt).getTime() - new Date(b.occurredAt).getTime(),
  );
  const byRequest = new Map<string, RequestNews>();
  for (const { requestId, eventType, summary, occurredAt } of sorted) {
    const request = byRequest.get(requestId) ?? { requestId, heading: '', lines: [] };
    // The latest event gives the request's title, customer and state.
    const state = states[summary.state as keyof typeof states] ?? summary.state;
    request.heading = `${summary.actionTitle} (${summary.organizationName}), ${words.now} ${state}`;
    // What people wrote stays on its line; the engine's own notes are said in the user's language.
    const text = summary.note ? (systemNotes[summary.note] ?? inline(summary.note)) : '';
    const note = text ? ` (${words.note}: ${text})` : '';
    request.lines.push(
      `${dateIn(locale, new Date(occurredAt))}: ${headlines[eventType] ?? eventType}${note}`,
    );
    byRequest.set(requestId, request);
  }
  return [...byRequest.values()];
}
