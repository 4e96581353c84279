import { escapeHtml } from '@app/notifications';

/** The small HTML page a sign-in that did not work ends on. */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}';

/**
 * Why the sign-in did not work, and (when starting again can help) a link that does; everything
 * escaped, nothing of the provider's answer but what `message` says.
 */
export function signInProblemPage(message: string, tryAgainUrl?: string): string {
  const title = 'You are not signed in';
  const again = tryAgainUrl
    ? `<p><a id="try-again" href="${escapeHtml(tryAgainUrl)}">Sign in again</a></p>`
    : '';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">` +
    `<title>${title}</title><style>${STYLE}</style></head>` +
    `<body><h1>${title}</h1><p id="problem">${escapeHtml(message)}</p>${again}</body></html>`
  );
}
