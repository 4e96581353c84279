import { escapeHtml } from '@app/notifications';
import type { LinkSummary } from '@app/requests';

/** The small HTML pages behind the links of approval emails. */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem}textarea{width:100%}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** Shown when a link is followed: nothing happens until the button is pressed. */
export function confirmationPage(summary: LinkSummary): string {
  const approve = summary.verb === 'approve';
  const reason = approve
    ? '<p><label>Comment (optional)<br><textarea name="reason" rows="3" maxlength="2000"></textarea></label></p>'
    : '<p><label>Reason (required)<br><textarea name="reason" rows="3" maxlength="2000" required></textarea></label></p>';
  return page(
    approve ? 'Approve this request?' : 'Reject this request?',
    `<p><strong>${escapeHtml(summary.actionTitle)}</strong> for ${escapeHtml(summary.organizationName)}</p>` +
      `<p>Request <code>${escapeHtml(summary.requestId)}</code>, now ${escapeHtml(summary.state)}.</p>` +
      `<form method="post">${reason}<button type="submit" id="confirm">${approve ? 'Approve' : 'Reject'}</button></form>`,
  );
}

export function donePage(verb: 'approve' | 'reject', requestId: string, state: string): string {
  return page(
    verb === 'approve' ? 'Approved' : 'Rejected',
    `<p id="result">Request <code>${escapeHtml(requestId)}</code> is now ${escapeHtml(state)}.</p>`,
  );
}

export function problemPage(message: string): string {
  return page('This link cannot be used', `<p id="problem">${escapeHtml(message)}</p>`);
}
