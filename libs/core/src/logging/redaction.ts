/** Log paths that may carry a secret; pino replaces them before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
];

/** A URL naming several hosts (a Sentinel set, a Redis Cluster), which `URL` cannot parse. */
const MULTI_HOST_URL = /^([a-z][a-z0-9+.-]*:\/\/)(?:([^:@/]*)(?::[^@/]*)?@)?([^/@]+(?:\/.*)?)$/i;

/** Hides the password of a connection URL before it is shown to anyone. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    const match = MULTI_HOST_URL.exec(url);
    if (!match || !url.includes(',')) return '<invalid url>';
    const [, scheme, user, rest] = match;
    const credentials = url.slice(scheme.length).split('@').length > 1 ? `${user}:***@` : '';
    return scheme + credentials + rest;
  }
}
