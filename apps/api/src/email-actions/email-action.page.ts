import { escapeHtml, utcMinute } from '@app/notifications';
import type { LinkSummary, LinkVerb } from '@app/requests';

/** The small HTML pages behind the decision links of emails. */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem}textarea{width:100%}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** The words of each link: the page's question, its button, and whether a reason is required. */
const ASKS: Record<LinkVerb, { question: string; button: string; done: string; field: string }> = {
  approve: {
    question: 'Approve this request?',
    button: 'Approve',
    done: 'Approved',
    field: 'Comment (optional)',
  },
  reject: {
    question: 'Reject this request?',
    button: 'Reject',
    done: 'Rejected',
    field: 'Reason (required)',
  },
  agree: {
    question: 'Agree with this request?',
    button: 'Agree',
    done: 'Opinion given',
    field: 'Comment (optional)',
  },
  disagree: {
    question: 'Disagree with this request?',
    button: 'Disagree',
    done: 'Opinion given',
    field: 'Comment (optional)',
  },
};

/** What a history event did. */
const DONE: Record<string, string> = {
  'request.approved': 'the request was approved',
  'request.rejected': 'the request was rejected',
  'request.cancelled': 'the request was cancelled',
  'request.expired': 'the request expired at its deadline',
  'request.consultation_waived': 'the consultation was waived',
  'request.opinion_given': 'an opinion was given',
  'request.started': 'the work was started',
  'request.completed': 'the request was completed',
  'request.failed': 'the request was marked failed',
};

function requestLine(summary: LinkSummary, viewUrl: string): string {
  return (
    `<p><strong>${escapeHtml(summary.actionTitle)}</strong> for ${escapeHtml(summary.organizationName)}</p>` +
    `<p>Request <a href="${escapeHtml(viewUrl)}"><code>${escapeHtml(summary.requestId)}</code></a>, now ${escapeHtml(summary.state)}.</p>`
  );
}

/** Shown when a usable link is followed: nothing happens until the button is pressed. */
export function confirmationPage(summary: LinkSummary, viewUrl: string): string {
  const ask = ASKS[summary.verb];
  const required = summary.verb === 'reject' ? ' required' : '';
  return page(
    ask.question,
    requestLine(summary, viewUrl) +
      `<form method="post"><p><label>${ask.field}<br><textarea name="reason" rows="3" maxlength="2000"${required}></textarea></label></p>` +
      `<button type="submit" id="confirm">${ask.button}</button></form>`,
  );
}

/**
 * Shown for a link that can no longer act (used, the request moved on, the party answered, the due
 * date passed): what happened and who did it, and no form, since it could only fail.
 */
export function closedPage(summary: LinkSummary, viewUrl: string): string {
  const closed = summary.closed!;
  const who = closed.by
    ? `${escapeHtml(closed.by.name || closed.by.email)} (${escapeHtml(closed.by.email)})`
    : 'the engine';
  const what = closed.event
    ? (DONE[closed.event] ?? escapeHtml(closed.event))
    : 'the request was changed';
  const when = utcMinute(new Date(closed.at));
  const happened =
    closed.reason === 'expired'
      ? `This link has expired: the decision was due ${when}.`
      : closed.reason === 'answered'
        ? `This link no longer applies: your party's opinion was already given by ${who} on ${when}.`
        : `${closed.reason === 'used' ? 'This link was already used' : 'This link no longer applies'}: ${what} by ${who} on ${when}.`;
  return page(
    'This link cannot be used',
    `<p id="problem">${happened}</p>` + requestLine(summary, viewUrl),
  );
}

export function donePage(verb: LinkVerb, requestId: string, state: string): string {
  return page(
    ASKS[verb].done,
    `<p id="result">Request <code>${escapeHtml(requestId)}</code> is now ${escapeHtml(state)}.</p>`,
  );
}

export function problemPage(message: string): string {
  return page('This link cannot be used', `<p id="problem">${escapeHtml(message)}</p>`);
}
