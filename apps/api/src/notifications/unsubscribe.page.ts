import { escapeHtml } from '@app/notifications';

/** The small HTML pages behind the unsubscribe link of Informed mail. */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** `ada@globex.example` as `a…@globex.example`: enough to recognize, little to whoever sees the page. */
function masked(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}…@${domain ?? ''}`;
}

/** Shown when the link is followed: nothing changes until the button is pressed. */
export function unsubscribeConfirmationPage(email: string): string {
  return page(
    'Stop these updates?',
    `<p>Mail about the requests <strong>${escapeHtml(masked(email))}</strong> is Informed of ` +
      '(submitted, approved, rejected, started, completed…) will stop. Mail that asks you to act ' +
      'still comes.</p>' +
      '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">' +
      '<button type="submit" id="confirm">Unsubscribe</button></form>',
  );
}

export function unsubscribedPage(email: string): string {
  return page(
    'Unsubscribed',
    `<p id="result"><strong>${escapeHtml(masked(email))}</strong> gets no more mail about the ` +
      'requests it is Informed of. To hear of them again, at once or in a daily digest, set ' +
      '<code>PUT /v1/me/notification-preferences</code>.</p>',
  );
}

export function unsubscribeProblemPage(message: string): string {
  return page('This link cannot be used', `<p id="problem">${escapeHtml(message)}</p>`);
}
