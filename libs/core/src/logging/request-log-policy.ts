import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A request slower than this is always logged, whatever `LOG_REQUESTS` says. */
export const SLOW_REQUEST_MS = 1000;

const STARTED = Symbol('request started');

type Timed = IncomingMessage & { [STARTED]?: number };
type Level = 'info' | 'warn' | 'error' | 'silent';

/** Notes when the request came in: a slow one is logged even when others are not. */
export function markStarted(req: IncomingMessage): void {
  (req as Timed)[STARTED] = performance.now();
}

/**
 * The level of a request's log line under `LOG_REQUESTS`: `all` logs every request; `errors` only
 * failures (4xx, 5xx) and slow ones; `sample:<n>` those and one success in `n`. Request ids stay on
 * every line that is written, and on the answer.
 */
export function requestLogLevel(
  setting: string,
): (req: IncomingMessage, res: ServerResponse, error?: Error) => Level {
  const every = setting === 'all' ? 1 : setting === 'errors' ? 0 : Number(setting.slice(7));
  let seen = 0;
  return (req, res, error) => {
    if (error || res.statusCode >= 500) return 'error';
    if (res.statusCode >= 400) return 'warn';
    const started = (req as Timed)[STARTED];
    if (started !== undefined && performance.now() - started >= SLOW_REQUEST_MS) return 'info';
    if (every === 0) return 'silent';
    seen = (seen + 1) % every;
    return seen === 0 ? 'info' : 'silent';
  };
}
