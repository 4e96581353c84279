import { RequestEventType, StuckDecision } from '@app/core';
import { Audience } from '../planning/audience';
import { UNSUBSCRIBE_WORDS } from '../preferences/unsubscribe-note';
import { dateIn } from './dates';
import { toHtml } from './html-output';
import { Block } from './message-blocks';
import { MessageContext, RenderedMessage, WaitingLine } from './message-context';
import { toText } from './text-output';
import { Wording, WORDING } from './wording';

/** Renders one message, text and HTML, in the recipient organization's language. */
export function renderMessage(context: MessageContext): RenderedMessage {
  const words = WORDING[context.locale];
  const headline = headlineOf(context, words);
  const subject = `${headline}: ${context.actionTitle} (${context.organizationName})`;
  const blocks = messageBlocks(context, words, headline);
  return { subject, text: toText(blocks), html: toHtml(blocks) };
}

function messageBlocks(context: MessageContext, words: Wording, headline: string): Block[] {
  const { labels } = words;
  const when = (date: Date) => dateIn(context.locale, date);
  const performer = words.parties[context.performer] ?? context.performer;
  const submitter = context.submitter.name
    ? `${context.submitter.name} <${context.submitter.email}>`
    : context.submitter.email;
  const rows: [string, string][] = [
    [labels.action, `${context.actionTitle} (${context.actionKey})`],
    [labels.organization, context.organizationName],
    [labels.submittedBy, `${submitter}, ${context.organizationName}`],
    [labels.state, words.states[context.state] ?? context.state],
    ...(context.dueAt ? [[labels.dueAt, when(context.dueAt)] as [string, string]] : []),
    [labels.performedBy, context.via ? `${performer}, ${labels.via} ${context.via}` : performer],
    [labels.request, context.requestId],
  ];
  const note = context.eventText && context.eventText !== context.submitterComment;
  const system = context.eventText ? words.systemNotes[context.eventText] : undefined;
  return [
    { kind: 'heading', text: headline },
    { kind: 'rows', rows },
    ...when_(context.params.length > 0, {
      kind: 'rows',
      title: labels.parameters,
      rows: context.params.map(({ label, value }) => [label, value] as [string, string]),
    }),
    {
      kind: 'list',
      title: labels.next,
      items: context.waitingOn.length
        ? context.waitingOn.map((line) => waitingLine(line, words, when))
        : [labels.nobody],
    },
    ...when_(Boolean(context.stuck?.length), {
      kind: 'paragraph',
      title: labels.note,
      text: stuckNote(context.stuck ?? [], words),
    }),
    ...(note && system ? [{ kind: 'paragraph', title: labels.note, text: system } as Block] : []),
    ...when_(context.opinions.length > 0, {
      kind: 'list',
      title: labels.opinions,
      items: context.opinions.map(
        (o) => `${words.parties[o.party] ?? o.party}: ${words.opinions[o.opinion] ?? o.opinion}`,
      ),
    }),
    ...(context.links
      ? [
          {
            kind: 'links',
            links: context.links.verbs.map(({ verb, url }) => ({ label: words.verbs[verb], url })),
            note: `${labels.linksNote} ${when(context.links.expiresAt)}.`,
          } as Block,
        ]
      : []),
    { kind: 'links', links: [{ label: labels.view, url: context.viewUrl }] },
    ...when_(Boolean(context.actionComment), {
      kind: 'paragraph',
      title: labels.about,
      text: context.actionComment ?? '',
    }),
    ...(context.unsubscribeUrl
      ? [
          {
            kind: 'unsubscribe',
            text: UNSUBSCRIBE_WORDS[context.locale].text,
            label: UNSUBSCRIBE_WORDS[context.locale].link,
            url: context.unsubscribeUrl,
          } as Block,
        ]
      : []),
    ...usersText(context, words, note && !system ? context.eventText : null),
    { kind: 'footer', text: labels.footer },
  ];
}

/**
 * What people wrote, after everything the engine says and every link it gives: each text under the
 * name of who wrote it, quoted line by line, so none can pass for the message's own words or links.
 */
function usersText(context: MessageContext, words: Wording, eventNote: string | null): Block[] {
  const { labels } = words;
  const when = (date: Date) => dateIn(context.locale, date);
  const party = (name: string) => words.parties[name] ?? name;
  const from = (author: string, label = labels.commentFrom) => `${label} ${author}`;
  const actor = context.eventActor;
  return [
    ...when_(Boolean(context.submitterComment), {
      kind: 'quote',
      title: from(context.submitter.name || context.submitter.email),
      text: context.submitterComment ?? '',
    }),
    ...when_(Boolean(eventNote), {
      kind: 'quote',
      title: actor ? from(actor) : labels.note,
      text: eventNote ?? '',
    }),
    ...when_(Boolean(context.result), {
      kind: 'quote',
      title: actor ? from(actor, labels.resultFrom) : labels.result,
      text: resultText(context.result ?? ''),
    }),
    ...context.opinions
      .filter((o) => o.comment)
      .map((o): Block => ({
        kind: 'quote',
        title: `${from(o.author)} (${party(o.party)})${o.at ? `, ${when(o.at)}` : ''}`,
        text: o.comment ?? '',
      })),
    ...(context.comments ?? []).map((comment): Block => ({
      kind: 'quote',
      title: `${from(comment.author)} (${party(comment.party)}), ${when(comment.at)}`,
      text: comment.body,
    })),
  ];
}

function when_(condition: boolean, block: Block): Block[] {
  return condition ? [block] : [];
}

/** "the provider's approvers: approve or reject, by 2026-12-08 20:52 UTC" */
function waitingLine(line: WaitingLine, words: Wording, when: (date: Date) => string): string {
  const roles = line.roles.map((role) => words.roles[role] ?? role).join(` ${words.or} `);
  const who = (words.whoWaits[line.party] ?? `{roles} (${line.party})`).replace(
    '{roles}',
    () => roles,
  );
  const due = line.dueAt ? `, ${words.labels.by} ${when(line.dueAt)}` : '';
  return `${who}: ${words.waits[line.reason]}${due}`;
}

/** "This request can no longer move: nobody can approve for the customer …", in the locale's words. */
function stuckNote(stuck: readonly StuckDecision[], words: Wording): string {
  const fixes = stuck.map(({ verb, party, roles, organization }) =>
    words.stuck[verb]
      .replace('{party}', () => words.parties[party] ?? party)
      .replace('{roles}', () => roles.join(words.stuck.roleOr))
      .replace('{organization}', () => organization),
  );
  return words.stuck.note.replace('{fixes}', () => fixes.join('; '));
}

/**
 * A result given as text, as written; one given as an object, as `key: value` lines, keys in
 * alphabetical order (the database keeps no order), values that are not text as JSON.
 */
function resultText(result: string | Record<string, unknown>): string {
  if (typeof result === 'string') return result;
  return Object.entries(result)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
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
