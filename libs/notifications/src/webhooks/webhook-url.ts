/** The longest URL an endpoint may have (the column's size). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Why a URL may not receive webhooks, or null if it may: HTTPS anywhere, plain HTTP only to this
 * machine (127.0.0.0/8, ::1, localhost) so a developer can try webhooks without a certificate while
 * signed events never cross a network in clear.
 */
export function webhookUrlProblem(value: string): string | null {
  if (value.length > MAX_WEBHOOK_URL_LENGTH) {
    return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  // Credentials in a URL end up in logs and proxies; fetch also refuses them.
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.protocol === 'https:') return url.hostname ? null : 'must name a host';
  if (url.protocol === 'http:') {
    return isLoopback(url.hostname) ? null : 'must use https (plain http only to loopback)';
  }
  return 'must use https';
}

/**
 * Loopback as the WHATWG parser normalised it, so spellings such as `0x7f.1` or `2130706433` have
 * already become `127.0.0.1` and cannot slip past.
 */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets[1] === '127';
}
