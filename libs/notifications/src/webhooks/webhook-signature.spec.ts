import { createHmac } from 'node:crypto';
import { SIGNATURE_TOLERANCE_S, signWebhook, verifyWebhook } from './webhook-signature';

const SECRET = 'whsec_test-secret';
const BODY = '{"id":"e1","type":"request.approved"}';
const NOW = 1_764_000_000;

describe('webhook signatures', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 in hex, as docs/api.md tells receivers', () => {
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, BODY, NOW)).toBe(`t=${NOW},v1=${expected}`);
  });

  it('verifies its own signature, from a string or the raw bytes', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhook(header, BODY, SECRET, { now: NOW })).toBe(true);
    expect(verifyWebhook(header, Buffer.from(BODY), SECRET, { now: NOW + 10 })).toBe(true);
  });

  it('refuses another secret, another body, or a missing or malformed header', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhook(header, BODY, 'whsec_other', { now: NOW })).toBe(false);
    expect(verifyWebhook(header, `${BODY} `, SECRET, { now: NOW })).toBe(false);
    expect(verifyWebhook(undefined, BODY, SECRET, { now: NOW })).toBe(false);
    expect(verifyWebhook('', BODY, SECRET, { now: NOW })).toBe(false);
    expect(verifyWebhook(`t=${NOW}`, BODY, SECRET, { now: NOW })).toBe(false);
    expect(verifyWebhook(header.replace(/v1=../, 'v1=zz'), BODY, SECRET, { now: NOW })).toBe(false);
    expect(verifyWebhook(`${header.slice(0, -2)}`, BODY, SECRET, { now: NOW })).toBe(false);
  });

  it('refuses a timestamp changed to pass the tolerance check', () => {
    const header = signWebhook(SECRET, BODY, NOW - 3600).replace(`t=${NOW - 3600}`, `t=${NOW}`);
    expect(verifyWebhook(header, BODY, SECRET, { now: NOW })).toBe(false);
  });

  it('accepts up to five minutes of drift either way, and nothing beyond', () => {
    expect(SIGNATURE_TOLERANCE_S).toBe(300);
    for (const drift of [-300, 300]) {
      expect(
        verifyWebhook(signWebhook(SECRET, BODY, NOW + drift), BODY, SECRET, { now: NOW }),
      ).toBe(true);
    }
    for (const drift of [-301, 301]) {
      expect(
        verifyWebhook(signWebhook(SECRET, BODY, NOW + drift), BODY, SECRET, { now: NOW }),
      ).toBe(false);
    }
  });

  it('accepts any one of several v1 values, as sent while a secret is rotated', () => {
    const good = signWebhook(SECRET, BODY, NOW).split(',')[1];
    const header = `t=${NOW},v1=${'0'.repeat(64)},${good}`;
    expect(verifyWebhook(header, BODY, SECRET, { now: NOW })).toBe(true);
  });
});
