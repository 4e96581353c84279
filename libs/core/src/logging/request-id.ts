import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request's id: the one given to it already, else a caller's `X-Request-Id` when it is sane,
 * else a new one; echoed back in `X-Request-Id`. The logger reuses it, so the id a caller sees is
 * the one on every log line of its request.
 */
export function requestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Gives every request its id before anything else runs, so answers made before the logger's
 * middleware (body parser errors, 404, 405, the docs) carry `X-Request-Id` too.
 */
export function assignRequestId(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  next: () => void,
): void {
  req.id = requestId(req, res);
  next();
}
