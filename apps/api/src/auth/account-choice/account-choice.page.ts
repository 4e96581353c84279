import { escapeHtml } from '@app/notifications';
import type { AccountOption } from '@app/parties';

/** The small HTML pages of the choice of account: the organizations offered, or why there are none. */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}' +
  'form{margin:.75rem 0}button{font-size:1rem;padding:.5rem 1.5rem;min-width:16rem;text-align:left}';

/**
 * What the browser may do with these pages: show them and their own style, and post their forms
 * here; no script, no frame around them, nothing fetched from anywhere.
 */
export const ACCOUNT_CHOICE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`
  );
}

/**
 * One button per organization, each posting to `/auth/choose/<user id>` (relative to the page, so
 * it stays under the prefix the engine is served at); the names are escaped.
 */
export function accountChoicePage(options: readonly AccountOption[]): string {
  const forms = options
    .map(
      ({ userId, organizationName }) =>
        `<form method="post" action="choose/${escapeHtml(userId)}">` +
        `<button type="submit" id="choose-${escapeHtml(userId)}">${escapeHtml(organizationName)}</button></form>`,
    )
    .join('');
  return page(
    'Choose an organization',
    '<p>Your address has an account in several organizations. Choose the one to sign in to; ' +
      'this choice is made once, within 10 minutes.</p>' +
      forms,
  );
}

/** Why no account can be chosen: the error's message, and where to sign in again. */
export function accountChoiceProblemPage(message: string): string {
  return page('You are not signed in', `<p id="problem">${escapeHtml(message)}</p>`);
}
