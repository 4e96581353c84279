import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { round } from './percentiles';

/** The 1-minute load average above which a full run's numbers are not recorded (2 cores). */
export const QUIET_LOAD_LIMIT = 1.5;

/** Whether a run's results may be written, given the 1-minute load average at its start. */
export interface LoadVerdict {
  write: boolean;
  /** Written only because `--force` said so: the numbers come from a busy machine. */
  forced: boolean;
  /** Why the run is refused, or why it is written all the same. */
  reason?: string;
}

/**
 * A full run records its numbers only from a quiet machine: 1-minute load average at most
 * `QUIET_LOAD_LIMIT` at its start, unless `force`. A quick run (CI, on a machine shared with the
 * tests) is always written: it asserts no speed.
 */
export function loadVerdict(load1m: number, mode: { quick: boolean; force: boolean }): LoadVerdict {
  if (mode.quick || load1m <= QUIET_LOAD_LIMIT) return { write: true, forced: false };
  const measured = `the 1-minute load average was ${load1m} at the start, above ${QUIET_LOAD_LIMIT}`;
  if (mode.force)
    return { write: true, forced: true, reason: `${measured}; written as --force asks` };
  return {
    write: false,
    forced: false,
    reason:
      `${measured}: other work shares the CPU, so the numbers would not be the engine's. ` +
      'Run it again on a quiet machine, or pass --force to write them anyway (recorded as forced)',
  };
}

/** The 1, 5 and 15-minute load averages, two decimals. */
export function loadAverages(): number[] {
  return loadavg().map((load) => round(load));
}

/**
 * The load averages once the machine has settled: `npm run bench` builds first, which alone lifts
 * the 1-minute average above the limit for a while. Waits up to `maxWaitMs` for it to fall to the
 * limit, then returns what it reads.
 */
export async function settledLoad(
  log: (line: string) => void,
  { maxWaitMs = 180_000, intervalMs = 5_000 } = {},
): Promise<number[]> {
  const until = Date.now() + maxWaitMs;
  let load = loadAverages();
  if (load[0] > QUIET_LOAD_LIMIT) {
    log(`load average ${load[0]}, above ${QUIET_LOAD_LIMIT}: waiting up to ${maxWaitMs / 1000} s`);
  }
  while (load[0] > QUIET_LOAD_LIMIT && Date.now() < until) {
    await sleep(intervalMs);
    load = loadAverages();
  }
  return load;
}
