import autocannon from 'autocannon';
import { BenchEngine } from '../lib/bench-engine';
import { BenchCast } from '../lib/bench-cast';
import { LifecycleAction } from '../lib/lifecycle-action';
import { round } from '../lib/percentiles';
import { runPgSubmitBaseline } from './pg-submit.baseline';

export interface SubmitResult {
  connections: number;
  seconds: number;
  /** Submissions answered 201 per second. */
  per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  noop: { per_s: number; p99_ms: number };
  pg: { per_s: number; p99_ms: number };
}

const CONNECTIONS = 32;

/**
 * `POST /v1/requests` under autocannon, against two ceilings measured in the same run: a no-op
 * route of the same app (framework and guard) and a bare `pg` script writing the same rows.
 */
export async function runSubmitScenario(options: {
  engine: BenchEngine;
  cast: BenchCast;
  action: LifecycleAction;
  seconds: number;
  log: (line: string) => void;
}): Promise<SubmitResult> {
  const { engine, cast, action, seconds, log } = options;
  const body = JSON.stringify({ action: action.key, params: action.params });
  const load = (path: string, duration: number) =>
    autocannon({
      url: `${engine.url}${path}`,
      method: 'POST',
      connections: CONNECTIONS,
      duration,
      headers: {
        authorization: `Bearer ${cast.requesters[0].token}`,
        'content-type': 'application/json',
      },
      body,
    });
  log(`submit: warm-up`);
  await load('/v1/requests', Math.max(2, Math.round(seconds / 5)));
  log(`submit: no-op route, ${seconds} s`);
  const noop = await load('/v1/bench/noop', seconds);
  log(`submit: POST /v1/requests, ${seconds} s`);
  const submit = await load('/v1/requests', seconds);
  log(`submit: bare pg, ${seconds} s`);
  const pg = await runPgSubmitBaseline({
    pool: engine.database.pool(CONNECTIONS),
    action: action.key,
    clients: CONNECTIONS,
    seconds,
  });
  const created = submit['2xx'];
  return {
    connections: CONNECTIONS,
    seconds,
    per_s: round(created / submit.duration),
    p50_ms: submit.latency.p50,
    p99_ms: submit.latency.p99,
    errors: submit.errors + submit.non2xx,
    noop: { per_s: round(noop['2xx'] / noop.duration), p99_ms: noop.latency.p99 },
    pg: { per_s: round(pg.perSecond), p99_ms: pg.p99Ms },
  };
}
