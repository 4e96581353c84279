import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Methods the API has; a preflight names one of them. */
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
/** Request headers a browser client may send besides the CORS-safelisted ones. */
const REQUEST_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id';
/** Response headers a browser client may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS =
  'Location, ETag, Link, X-Request-Id, Retry-After, Idempotent-Replayed, WWW-Authenticate, Allow';
/** How long a browser may keep a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = '600';

/**
 * CORS for the listed origins only (`CORS_ORIGINS`), compared exactly; with none listed it does
 * nothing. A listed origin's preflight is answered here, before authentication (browsers send no
 * credentials with it); any other origin gets no CORS header, so its browser keeps the answer from
 * the page. Bearer tokens are not cookies: credentials mode is never allowed.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (allowed.size === 0) return next();
    res.vary('Origin');
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'];
    if (!preflight) {
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      return next();
    }
    res.vary('Access-Control-Request-Method').vary('Access-Control-Request-Headers');
    res.setHeader('Access-Control-Allow-Methods', METHODS);
    res.setHeader('Access-Control-Allow-Headers', REQUEST_HEADERS);
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_S);
    res.status(204).end();
  };
}
