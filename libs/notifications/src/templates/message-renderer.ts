import { Audience } from '../planning/audience';
import { escapeHtml, utcMinute } from './html';
import { MessageContext, RenderedMessage } from './message-context';
import { Wording, WORDING } from './wording';
import { RequestEventType } from '@app/core';

/** Renders one message, text and HTML, in the recipient organization's language. */
export function renderMessage(context: MessageContext): RenderedMessage {
  const words = WORDING[context.locale];
  const headline = headlineOf(context, words);
  const subject = `${headline}: ${context.actionTitle} (${context.organizationName})`;
  const performer = words.parties[context.performer] ?? context.performer;
  const rows: [string, string][] = [
    [words.labels.action, `${context.actionTitle} (${context.actionKey})`],
    [words.labels.organization, context.organizationName],
    [words.labels.state, context.state],
    ...(context.dueAt ? [[words.labels.dueAt, utcMinute(context.dueAt)] as [string, string]] : []),
    [
      words.labels.performedBy,
      context.via ? `${performer}, ${words.labels.via} ${context.via}` : performer,
    ],
    ...(context.eventText ? [[words.labels.note, context.eventText] as [string, string]] : []),
    [words.labels.request, context.requestId],
  ];
  const opinions = context.opinions.map(
    (o) =>
      `${words.parties[o.party] ?? o.party}: ${o.opinion}${o.comment ? ` (${o.comment})` : ''}`,
  );
  const links = context.links;
  const until = links ? `${words.labels.linksNote} ${utcMinute(links.expiresAt)}.` : '';
  const text = [
    headline,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(links
      ? [
          '',
          `${words.labels.approve}: ${links.approve}`,
          `${words.labels.reject}: ${links.reject}`,
          until,
        ]
      : []),
    ...(opinions.length ? ['', `${words.labels.opinions}:`, ...opinions.map((o) => `- ${o}`)] : []),
    ...(context.actionComment ? ['', `${words.labels.about}:`, context.actionComment] : []),
    '',
    '--',
    words.labels.footer,
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(headline)}</h2>`,
    `<table>${rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`,
    links
      ? `<p><a href="${escapeHtml(links.approve)}">${escapeHtml(words.labels.approve)}</a> &nbsp; ` +
        `<a href="${escapeHtml(links.reject)}">${escapeHtml(words.labels.reject)}</a><br><small>${escapeHtml(until)}</small></p>`
      : '',
    opinions.length
      ? `<h3>${escapeHtml(words.labels.opinions)}</h3><ul>${opinions.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>`
      : '',
    context.actionComment
      ? `<h3>${escapeHtml(words.labels.about)}</h3><p>${escapeHtml(context.actionComment).replace(/\n/g, '<br>')}</p>`
      : '',
    `<hr><p><small>${escapeHtml(words.labels.footer)}</small></p>`,
  ].join('\n');
  return { subject, text, html };
}

/** What the message is: a reminder of what is asked, an ask, or news for the Informed parties. */
function headlineOf({ audience, eventType }: MessageContext, words: Wording): string {
  if (eventType === RequestEventType.ApprovalReminder) {
    return audience === Audience.OpinionRequested
      ? words.labels.opinionReminder
      : words.labels.reminder;
  }
  return audience === Audience.Informed
    ? (words.informed[eventType] ?? eventType)
    : words.asks[audience];
}
