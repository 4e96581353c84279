import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchCast } from '../lib/bench-cast';
import { LifecycleAction } from '../lib/lifecycle-action';
import { runLifecycleLoad } from '../lib/lifecycle-driver';
import { round } from '../lib/percentiles';
import { RESULTS_DIR } from '../lib/results-writer';

/** The capacity the soak takes half of, and where the number came from. */
export interface SoakCapacity {
  lifecycles_per_s: number;
  source: 'flag' | 'bench-results' | 'probe';
}

/** As many clients as the full bench's lifecycle scenario, so a probe measures the same thing. */
const PROBE_CLIENTS = 32;
const PROBE_WARMUP_SECONDS = 3;

/**
 * `--rate` wins (it is then the rate held, and twice it is reported as capacity); else the full
 * bench's `lifecycles_per_s` from `latest.json`; else a short closed-loop probe on this engine.
 */
export async function resolveCapacity(options: {
  rate?: number;
  url: string;
  cast: BenchCast;
  action: LifecycleAction;
  probeSeconds: number;
  log: (line: string) => void;
}): Promise<SoakCapacity> {
  if (options.rate !== undefined) {
    return { lifecycles_per_s: options.rate * 2, source: 'flag' };
  }
  const fromBench = benchCapacity();
  if (fromBench !== undefined) return { lifecycles_per_s: fromBench, source: 'bench-results' };
  options.log(`capacity: no full bench results; probing ${options.probeSeconds} s closed-loop`);
  const load = (seconds: number) =>
    runLifecycleLoad({
      url: options.url,
      cast: options.cast,
      action: options.action,
      concurrency: PROBE_CLIENTS,
      durationMs: seconds * 1000,
    });
  // A fresh engine is slow until its code is optimized: what it does cold is not its capacity.
  await load(PROBE_WARMUP_SECONDS);
  const probe = await load(options.probeSeconds);
  if (probe.completed === 0) {
    throw new Error(`the capacity probe completed no lifecycle: ${probe.firstError ?? 'no error'}`);
  }
  return { lifecycles_per_s: round(probe.perSecond), source: 'probe' };
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
