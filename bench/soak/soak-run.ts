import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { BenchCast, createBenchCast } from '../lib/bench-cast';
import { BenchEngine } from '../lib/bench-engine';
import { LifecycleAction } from '../lib/lifecycle-action';
import { round } from '../lib/percentiles';
import { waitForPipelineDrain } from '../lib/pipeline-drain';
import { Backlog, BacklogProbe } from './backlog-probe';
import { OpenLoopLoad } from './open-loop-load';
import { resolveCapacity, SoakCapacity } from './soak-capacity';
import { formatSample, SoakSample, SoakSampler } from './soak-sample';

/** Lifecycle counts of one phase (warm-up or soak). */
export interface PhaseTotals {
  started: number;
  completed: number;
  failed: number;
  shed: number;
  first_error?: string;
}

/** Everything a soak measured, before it is summarized. */
export interface SoakRun {
  capacity: SoakCapacity;
  rate_per_s: number;
  sample_interval_s: number;
  warmup: PhaseTotals & { seconds: number };
  totals: PhaseTotals & { seconds: number; achieved_per_s: number; smtp_accepted: number };
  /** Whether the outbox, the queues and the deliveries emptied after the load stopped. */
  drained: boolean;
  drain_s: number;
  backlog_after_drain: Backlog;
  deliveries: Record<string, number>;
  /** Distinct Message-IDs the SMTP listener accepted over the whole run (probe and warm-up too). */
  smtp_distinct_messages: number;
  peak_rss_mb: { api: number; worker: number };
  samples: SoakSample[];
}

/** Lifecycles in flight beyond which arrivals are shed: far above what half capacity needs. */
const MAX_IN_FLIGHT = 2_000;
const DRAIN_TIMEOUT_MS = 300_000;

/**
 * Holds half the capacity (or `rate`) open-loop for `minutes` on one engine, sampling as it goes:
 * a short warm-up at the same rate first (then drained), so the first window is not a cold start.
 */
export async function runSoak(options: {
  engine: BenchEngine;
  action: LifecycleAction;
  minutes: number;
  rate?: number;
  log: (line: string) => void;
}): Promise<SoakRun> {
  const { engine, action, minutes, log } = options;
  const short = minutes <= 1;
  const cast = await createBenchCast(engine, action.plan);
  const pool = engine.database.pool(2);
  const capacity = await resolveCapacity({
    rate: options.rate,
    url: engine.url,
    cast,
    action,
    probeSeconds: short ? 5 : 10,
    drain: () => drain(pool, engine.prefix),
    log,
  });
  const rate = options.rate ?? round(capacity.lifecycles_per_s / 2);
  log(
    `capacity ${capacity.lifecycles_per_s}/s (${capacity.source}` +
      `${capacity.http_lifecycles_per_s ? `; API alone ${capacity.http_lifecycles_per_s}/s` : ''}` +
      `); holding ${rate}/s`,
  );

  const warmupSeconds = short ? 5 : 15;
  log(`warm-up: ${warmupSeconds} s at ${rate}/s`);
  const warmup = await hold(engine, cast, action, rate, async () => sleep(warmupSeconds * 1000));
  await drain(pool, engine.prefix);

  const intervalS = short ? 5 : 10;
  log(`soak: ${minutes} min at ${rate}/s, a sample every ${intervalS} s`);
  const probe = new BacklogProbe(pool, engine.prefix);
  try {
    const smtpBefore = engine.smtp.accepted.length;
    const began = Date.now();
    let sampler: SoakSampler | undefined;
    const totals = await hold(engine, cast, action, rate, async (load) => {
      sampler = new SoakSampler(engine, load, probe, began);
      for (let k = 1; k * intervalS <= minutes * 60 + 0.001; k++) {
        await sleep(Math.max(0, began + k * intervalS * 1000 - Date.now()));
        log(formatSample(await sampler.take()));
      }
    });
    const seconds = (Date.now() - began) / 1000;
    const drainBegan = Date.now();
    // A backlog built over a long soak may take long to clear; the report is written either way.
    const drained = await drain(pool, engine.prefix, Math.max(DRAIN_TIMEOUT_MS, minutes * 60_000))
      .then(() => true)
      .catch((error: Error) => {
        log(error.message);
        return false;
      });
    const drainSeconds = (Date.now() - drainBegan) / 1000;
    return {
      capacity,
      rate_per_s: rate,
      sample_interval_s: intervalS,
      warmup: { ...warmup, seconds: warmupSeconds },
      totals: {
        ...totals,
        seconds: round(seconds, 1),
        achieved_per_s: round(totals.completed / (minutes * 60)),
        smtp_accepted: engine.smtp.accepted.length - smtpBefore,
      },
      drained,
      drain_s: round(drainSeconds, 1),
      backlog_after_drain: await probe.read(),
      deliveries: await probe.deliveryCounts(),
      smtp_distinct_messages: new Set(engine.smtp.accepted.map((mail) => mail.messageId)).size,
      peak_rss_mb: {
        api: round(engine.api.peakRssMb(), 1),
        worker: round(engine.worker.peakRssMb(), 1),
      },
      samples: sampler?.samples ?? [],
    };
  } finally {
    await probe.close();
  }
}

/** Runs an open-loop load at `rate` while `during` runs, then waits for its lifecycles to end. */
async function hold(
  engine: BenchEngine,
  cast: BenchCast,
  action: LifecycleAction,
  rate: number,
  during: (load: OpenLoopLoad) => Promise<void>,
): Promise<PhaseTotals> {
  const load = new OpenLoopLoad({
    url: engine.url,
    cast,
    action,
    ratePerS: rate,
    maxInFlight: MAX_IN_FLIGHT,
  });
  load.start();
  try {
    await during(load);
  } finally {
    await load.stop();
  }
  const { started, completed, failed, shed } = load.totals;
  return {
    started,
    completed,
    failed,
    shed,
    ...(load.firstError ? { first_error: load.firstError } : {}),
  };
}

/** Everything owed delivered: a phase ends with nothing left over for the next to inherit. */
async function drain(pool: Pool, prefix: string, timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  await waitForPipelineDrain(pool, prefix, timeoutMs);
}
