/**
 * Credentials that travel in URLs: the signed links of emails (`<id>.<signature>`: approve, reject,
 * unsubscribe), and API tokens or webhook secrets someone pasted into a query string. Request logs
 * show URLs, so these are masked there as header secrets are.
 */
const URL_SECRETS = [
  /[0-9a-fA-F-]{36}\.[A-Za-z0-9_-]{16,}/g,
  /raci_[A-Za-z0-9_-]+/g,
  /whsec_[A-Za-z0-9_-]+/g,
];

/** Query parameters of the sign-in callback that are credentials whatever they look like. */
const SECRET_PARAMETERS = ['code', 'state', 'session_state', 'id_token_hint'];
const SECRET_PARAMETER = new RegExp(`([?&](?:${SECRET_PARAMETERS.join('|')})=)[^&#\\s]*`, 'g');

const CENSOR = '[redacted]';

/** `text` with every credential it may carry replaced. */
export function maskUrlSecrets(text: string): string {
  return URL_SECRETS.reduce(
    (masked, pattern) => masked.replace(pattern, CENSOR),
    text.replace(SECRET_PARAMETER, `$1${CENSOR}`),
  );
}

/** Masks the strings of a logged value (a URL's query or route params), whatever their nesting. */
function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskUrlSecrets(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_PARAMETERS.includes(k) ? CENSOR : maskDeep(v),
      ]),
    );
  }
  return value;
}

/** The request of a log line with the credentials of its URL, query and params masked. */
export function withoutUrlSecrets<T extends { url?: unknown; query?: unknown; params?: unknown }>(
  req: T,
): T {
  return {
    ...req,
    url: typeof req.url === 'string' ? maskUrlSecrets(req.url) : req.url,
    query: maskDeep(req.query),
    params: maskDeep(req.params),
  };
}
