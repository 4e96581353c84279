import { Locale } from '@app/parties';
import { dateIn } from './dates';
import { escapeHtml } from './html';
import { RenderedMessage } from './message-context';

/** What a delegation notice says: which moment, to whom, and the delegation's facts. */
export interface DelegationNoticeContext {
  locale: Locale;
  moment: 'started' | 'ended';
  /** Whether the recipient is the delegate (else the delegator). */
  toDelegate: boolean;
  delegatorName: string;
  delegateName: string;
  roles: readonly string[];
  startsAt: Date;
  endsAt: Date;
  reason: string;
  inboxUrl: string;
}

type Lines = Record<'started' | 'ended', { subject: string; delegate: string; delegator: string }>;

/** `{delegator}`, `{delegate}`, `{roles}`, `{until}` are filled in. */
const WORDS: Record<Locale, Lines & { reason: string; inbox: string }> = {
  [Locale.En]: {
    started: {
      subject: 'Delegation started: {delegate} decides for {delegator}',
      delegate:
        'From now until {until}, you decide on behalf of {delegator} ({roles}): the requests that wait on them are in your inbox, marked "on behalf of {delegator}".',
      delegator:
        'From now until {until}, {delegate} decides on your behalf ({roles}). You keep the power to decide yourself.',
    },
    ended: {
      subject: 'Delegation ended: {delegate} no longer decides for {delegator}',
      delegate: 'You no longer decide on behalf of {delegator}.',
      delegator: '{delegate} no longer decides on your behalf.',
    },
    reason: 'Reason: {reason}',
    inbox: 'Inbox',
  },
  [Locale.Fr]: {
    started: {
      subject: 'Délégation commencée : {delegate} décide pour {delegator}',
      delegate:
        'Dès maintenant et jusqu’au {until}, vous décidez pour le compte de {delegator} ({roles}) : les demandes qui l’attendent sont dans votre boîte, marquées « pour le compte de {delegator} ».',
      delegator:
        'Dès maintenant et jusqu’au {until}, {delegate} décide pour votre compte ({roles}). Vous gardez le pouvoir de décider vous-même.',
    },
    ended: {
      subject: 'Délégation terminée : {delegate} ne décide plus pour {delegator}',
      delegate: 'Vous ne décidez plus pour le compte de {delegator}.',
      delegator: '{delegate} ne décide plus pour votre compte.',
    },
    reason: 'Motif : {reason}',
    inbox: 'Boîte de réception',
  },
};

/** The mail that tells one of a delegation's two people it started or ended, text and HTML. */
export function renderDelegationNotice(context: DelegationNoticeContext): RenderedMessage {
  const words = WORDS[context.locale];
  const fill = (text: string) =>
    text
      .replace(/\{delegator\}/g, () => context.delegatorName)
      .replace(/\{delegate\}/g, () => context.delegateName)
      .replace(/\{roles\}/g, () => context.roles.join(', '))
      .replace(/\{until\}/g, () => dateIn(context.locale, context.endsAt))
      .replace(/\{reason\}/g, () => context.reason);
  const lines = words[context.moment];
  const subject = fill(lines.subject);
  const body = fill(context.toDelegate ? lines.delegate : lines.delegator);
  const reason = fill(words.reason);
  const text = [subject, body, reason, `${words.inbox}: ${context.inboxUrl}`];
  const html = [
    `<h2>${escapeHtml(subject)}</h2>`,
    `<p>${escapeHtml(body)}</p>`,
    `<p>${escapeHtml(reason)}</p>`,
    `<p><a href="${escapeHtml(context.inboxUrl)}">${escapeHtml(words.inbox)}</a></p>`,
  ];
  return { subject, text: text.join('\n\n'), html: html.join('\n') };
}
