import type { Request, Response } from 'express';
import { corsFor } from './cors';

/** What the middleware did with a request: its headers, its status if it answered, next or not. */
function run(origins: string[], method: string, headers: Record<string, string>) {
  const set: Record<string, string> = {};
  const outcome = { headers: set, status: undefined as number | undefined, next: false };
  const res = {
    setHeader: (name: string, value: string) => (set[name] = value),
    vary: (name: string) => {
      set.Vary = set.Vary ? `${set.Vary}, ${name}` : name;
      return res;
    },
    status: (status: number) => {
      outcome.status = status;
      return { end: () => undefined };
    },
  };
  corsFor(origins)({ method, headers } as Request, res as unknown as Response, () => {
    outcome.next = true;
  });
  return outcome;
}

describe('corsFor', () => {
  const PORTAL = 'https://portal.example.com';

  it('does nothing when no origin is listed', () => {
    expect(run([], 'GET', { origin: PORTAL })).toEqual({
      headers: {},
      status: undefined,
      next: true,
    });
  });

  it('answers a listed origin’s preflight itself, and lets its calls through with headers', () => {
    const preflight = run([PORTAL], 'OPTIONS', {
      origin: PORTAL,
      'access-control-request-method': 'POST',
    });
    expect(preflight).toMatchObject({ status: 204, next: false });
    expect(preflight.headers['Access-Control-Allow-Origin']).toBe(PORTAL);
    expect(preflight.headers['Access-Control-Allow-Headers']).toContain('Idempotency-Key');
    const call = run([PORTAL], 'GET', { origin: PORTAL });
    expect(call).toMatchObject({ status: undefined, next: true });
    expect(call.headers['Access-Control-Expose-Headers']).toContain('Location');
  });

  it('gives any other origin, or a plain OPTIONS, nothing but Vary', () => {
    for (const origin of ['https://evil.example.com', 'https://portal.example.com:8443']) {
      const preflight = run([PORTAL], 'OPTIONS', {
        origin,
        'access-control-request-method': 'POST',
      });
      expect(preflight).toEqual({ headers: { Vary: 'Origin' }, status: undefined, next: true });
    }
    expect(run([PORTAL], 'OPTIONS', { origin: PORTAL })).toMatchObject({ status: undefined });
  });
});
