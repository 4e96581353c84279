import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'Raci-Signature';

/**
 * How far a signature's timestamp may be from the receiver's clock. Bounding it stops a captured
 * delivery from being replayed later, while allowing for ordinary clock drift.
 */
export const SIGNATURE_TOLERANCE_S = 5 * 60;

/** The scheme's version tag; a new scheme would get a new tag and both could be sent at once. */
const SCHEME = 'v1';

function hmac(secret: string, timestamp: number, body: string | Buffer): Buffer {
  // The timestamp is part of what is signed, so it cannot be changed to pass the tolerance check.
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The `Raci-Signature` value for a raw body, signed at `timestamp` (unix seconds). */
export function signWebhook(
  secret: string,
  body: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},${SCHEME}=${hmac(secret, timestamp, body).toString('hex')}`;
}

export interface VerifyOptions {
  /** The receiver's clock, in unix seconds. */
  now?: number;
  toleranceS?: number;
}

/**
 * Whether `header` is a valid signature of the raw `body` (exactly the bytes received, before any
 * JSON parsing) with `secret`, made within the tolerance. Compares in constant time.
 */
export function verifyWebhook(
  header: string | undefined,
  body: string | Buffer,
  secret: string,
  { now = Math.floor(Date.now() / 1000), toleranceS = SIGNATURE_TOLERANCE_S }: VerifyOptions = {},
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === SCHEME && /^[0-9a-f]{64}$/i.test(value)) candidates.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || Math.abs(now - timestamp) > toleranceS) return false;
  const expected = hmac(secret, timestamp, body);
  // Several v1 values may be sent while a secret is being rotated: any one of them may match.
  return candidates.some((candidate) => timingSafeEqual(candidate, expected));
}
