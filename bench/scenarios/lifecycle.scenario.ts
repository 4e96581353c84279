import { BenchCast } from '../lib/bench-cast';
import { BenchEngine } from '../lib/bench-engine';
import { LifecycleAction } from '../lib/lifecycle-action';
import { runLifecycleLoad, StepRecord } from '../lib/lifecycle-driver';
import { percentiles, round } from '../lib/percentiles';
import { waitForPipelineDrain } from '../lib/pipeline-drain';
import { CpuUse, startCpuMeter } from '../lib/cpu-meter';
import { DatabaseWaits, sampleDatabaseWaits } from '../lib/wait-sampler';
import { runPgLifecycleBaseline } from './pg-lifecycle.baseline';

export interface LifecycleResult {
  clients: number;
  seconds: number;
  /** Chains completed within the window: what `per_s` counts. */
  completed: number;
  /** Every chain completed, those answered after the window included (a loaded machine's tail). */
  finished: number;
  failed: number;
  /** Submit → approve → start → complete chains answered `completed`, per second. */
  per_s: number;
  /** p99 of one step (a submission or a transition) under this load. */
  step_p99_ms: number;
  first_error?: string;
  /** What the database's connections did meanwhile (API and worker), sampled. */
  db_waits: DatabaseWaits;
  /** CPU per finished lifecycle, its mail delivered, by process; how busy the cores were. */
  cpu: CpuUse;
  /** The same four transactions' rows written by a bare `pg` script, as many clients, as long. */
  pg: {
    per_s: number;
    step_p99_ms: number;
    completed: number;
    db_waits: DatabaseWaits;
    cpu: CpuUse;
  };
}

/**
 * Full lifecycles, `clients` at a time, each chain counted only once completed; then, once the mail
 * they caused is out (a worker busy with it would slow the baseline), a bare `pg` script writing
 * the same rows with as many clients for as long.
 */
export async function runLifecycleScenario(options: {
  engine: BenchEngine;
  cast: BenchCast;
  action: LifecycleAction;
  clients: number;
  seconds: number;
  log: (line: string) => void;
  /** Called once the load's mail is delivered, before the baseline (a profile's window ends). */
  onDelivered?: () => void;
}): Promise<{ result: LifecycleResult; steps: StepRecord[] }> {
  const { engine, cast, action, clients, seconds, log } = options;
  log(`lifecycle: ${clients} clients, ${seconds} s`);
  // One connection: the sampler's while the load runs, then the drain's, then the sampler's again.
  const sampler = engine.database.pool(1);
  let stopSampling = sampleDatabaseWaits(sampler, 'engine');
  const stopCpu = startCpuMeter({ api: engine.api.pid, worker: engine.worker.pid });
  const load = await runLifecycleLoad({
    url: engine.url,
    cast,
    action,
    concurrency: clients,
    durationMs: seconds * 1000,
  });
  const dbWaits = await stopSampling();
  log('lifecycle: waiting for the lifecycles to be delivered');
  await waitForPipelineDrain(sampler, engine.prefix);
  const finished = load.steps.filter((step) => step.event === 'request.completed').length;
  const cpu = stopCpu(finished);
  options.onDelivered?.();
  log(`lifecycle: CPU ms per lifecycle ${JSON.stringify(cpu)}`);
  log(`lifecycle: bare pg, ${clients} clients, ${seconds} s`);
  stopSampling = sampleDatabaseWaits(sampler, 'bench');
  const stopPgCpu = startCpuMeter({ api: engine.api.pid, worker: engine.worker.pid });
  const pg = await runPgLifecycleBaseline({
    pool: engine.database.pool(clients),
    action: action.key,
    clients,
    seconds,
  });
  const pgWaits = await stopSampling();
  const pgCpu = stopPgCpu(pg.completed);
  log(`lifecycle: database waits ${JSON.stringify(dbWaits.by_activity)}`);
  log(`lifecycle: bare pg waits ${JSON.stringify(pgWaits.by_activity)}`);
  log(`lifecycle: engine ${round(load.perSecond)}/s, bare pg ${round(pg.perSecond)}/s`);
  return {
    steps: load.steps,
    result: {
      clients,
      seconds,
      completed: load.completed,
      finished,
      failed: load.failed,
      per_s: round(load.perSecond),
      step_p99_ms: percentiles(load.steps.map((step) => step.latencyMs)).p99,
      ...(load.firstError ? { first_error: load.firstError } : {}),
      db_waits: dbWaits,
      cpu,
      pg: {
        per_s: round(pg.perSecond),
        step_p99_ms: pg.p99Ms,
        completed: pg.completed,
        db_waits: pgWaits,
        cpu: pgCpu,
      },
    },
  };
}
