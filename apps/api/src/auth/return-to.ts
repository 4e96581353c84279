/** The longest `returnTo` kept: what the sign-in link's row holds. */
export const RETURN_TO_MAX_LENGTH = 512;

// Control characters are what this pattern is about: browsers drop tabs and line breaks from URLs,
// so `/\t/evil.example` would become `//evil.example`.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Where a person may be sent back to after signing in: a path of this engine only, never another
 * site. The value must start with exactly one `/` (not `//` or `/\`, which browsers read as another
 * host), hold no control character nor backslash, and stay on PUBLIC_URL's origin once resolved.
 * Returns the path (with its query and fragment) as the browser is to follow it, or null when the
 * value is not such a path. Used wherever a sign-in takes a `returnTo`.
 */
export function safeReturnTo(value: unknown, publicUrl: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > RETURN_TO_MAX_LENGTH) {
    return null;
  }
  if (!value.startsWith('/') || value[1] === '/' || value.includes('\\') || CONTROL.test(value)) {
    return null;
  }
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(publicUrl);
    resolved = new URL(value, base);
  } catch {
    return null;
  }
  if (resolved.origin !== base.origin) return null;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
