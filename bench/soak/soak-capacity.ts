import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchCast } from '../lib/bench-cast';
import { LifecycleAction } from '../lib/lifecycle-action';
import { LifecycleLoadResult, runLifecycleLoad } from '../lib/lifecycle-driver';
import { round } from '../lib/percentiles';
import { RESULTS_DIR } from '../lib/results-writer';

/** The capacity the soak takes half of, and where the number came from. */
export interface SoakCapacity {
  /** Lifecycles per second the engine sustains, the mail they cause included. */
  lifecycles_per_s: number;
  source: 'flag' | 'probe';
  /** With a probe: lifecycles per second as the HTTP API answered them, mail still queued. */
  http_lifecycles_per_s?: number;
  /** The full bench's `lifecycles_per_s` (HTTP answers only), when `latest.json` has one. */
  bench_lifecycles_per_s?: number;
  /** With a probe: what it did. */
  probe?: { clients: number; seconds: number; completed: number; drain_s: number };
}

/** As many clients as the full bench's lifecycle scenario, so a probe loads the API alike. */
const PROBE_CLIENTS = 32;
const PROBE_WARMUP_SECONDS = 3;

/**
 * `--rate` wins (twice it is then reported as capacity). Otherwise a closed-loop probe, timed until
 * the mail it caused has gone out: each lifecycle owes many messages, so the API answers far faster
 * than the pipeline delivers, and half the API's rate alone is more than the engine can hold.
 */
export async function resolveCapacity(options: {
  rate?: number;
  url: string;
  cast: BenchCast;
  action: LifecycleAction;
  probeSeconds: number;
  /** Waits until the outbox, the queues and the deliveries are empty. */
  drain: () => Promise<void>;
  log: (line: string) => void;
}): Promise<SoakCapacity> {
  const bench = benchCapacity();
  const reference = bench !== undefined ? { bench_lifecycles_per_s: bench } : {};
  if (options.rate !== undefined) {
    return { lifecycles_per_s: options.rate * 2, source: 'flag', ...reference };
  }
  return probeCapacity(options).then((probed) => ({ ...probed, ...reference }));
}

/** What a probe measured: capacity with the mail sent, and the API's own rate. */
export type ProbedCapacity = Required<Omit<SoakCapacity, 'bench_lifecycles_per_s'>>;

/**
 * A closed-loop probe, `clients` (default 32) running lifecycles back to back for `probeSeconds`
 * after a short warm-up, timed until every message the lifecycles caused has been accepted: the
 * lifecycles per second the engine sustains with its mail delivered.
 */
export async function probeCapacity(options: {
  url: string;
  cast: BenchCast;
  action: LifecycleAction;
  probeSeconds: number;
  clients?: number;
  warmupSeconds?: number;
  drain: () => Promise<void>;
  log: (line: string) => void;
}): Promise<ProbedCapacity> {
  const clients = options.clients ?? PROBE_CLIENTS;
  options.log(
    `capacity: probing ${options.probeSeconds} s closed-loop, ${clients} clients, then until mail is sent`,
  );
  const load = (seconds: number) =>
    runLifecycleLoad({
      url: options.url,
      cast: options.cast,
      action: options.action,
      concurrency: clients,
      durationMs: seconds * 1000,
    });
  // A fresh engine is slow until its code is optimized: what it does cold is not its capacity.
  const warmup = await load(options.warmupSeconds ?? PROBE_WARMUP_SECONDS);
  await options.drain();
  const probe = await load(options.probeSeconds);
  const drainBegan = Date.now();
  await options.drain();
  const drainSeconds = (Date.now() - drainBegan) / 1000;
  // Every completion, the tail after the deadline included: on a loaded machine a lifecycle can
  // outlast a short window, and counting only those inside it would read 0.
  const completed = completedOf(probe);
  if (completed === 0 || warmup.failed + probe.failed > 0) {
    throw new Error(
      `the capacity probe failed: ${probe.firstError ?? warmup.firstError ?? '0 done'}`,
    );
  }
  return {
    lifecycles_per_s: round(completed / (probe.seconds + drainSeconds)),
    source: 'probe',
    http_lifecycles_per_s: round(completed / probe.seconds),
    probe: {
      clients,
      seconds: round(probe.seconds, 1),
      completed,
      drain_s: round(drainSeconds, 1),
    },
  };
}

function completedOf(result: LifecycleLoadResult): number {
  return result.steps.filter((step) => step.event === 'request.completed').length;
}

/** `lifecycles_per_s` of the last full bench run, if there is one and it is a usable number. */
function benchCapacity(): number | undefined {
  const path = join(RESULTS_DIR, 'latest.json');
  if (!existsSync(path)) return undefined;
  try {
    const value = (JSON.parse(readFileSync(path, 'utf8')) as { lifecycles_per_s?: unknown })
      .lifecycles_per_s;
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
