import { BenchCast } from '../lib/bench-cast';
import { BenchEngine } from '../lib/bench-engine';
import { LifecycleAction } from '../lib/lifecycle-action';
import { waitForPipelineDrain } from '../lib/pipeline-drain';
import { probeCapacity } from '../soak/soak-capacity';

/** The soak's capacity, measured within the bench run (`soak` in the results). */
export interface CapacityResult {
  /** Lifecycles per second the engine sustains with every message they cause delivered. */
  capacity_per_s: number;
  /** The same lifecycles per second as the HTTP API answered them, mail still queued. */
  http_lifecycles_per_s: number;
  probe: { clients: number; seconds: number; completed: number; drain_s: number };
}

/**
 * The capacity probe the soak starts with (`bench/soak/soak-capacity.ts`), on the bench's engine:
 * `clients` run lifecycles closed-loop for `seconds` after a warm-up, and the clock stops once the
 * outbox, the queues and the deliveries are empty, so the rate counts only lifecycles whose mail
 * has all been accepted by the listener.
 */
export async function runCapacityScenario(options: {
  engine: BenchEngine;
  cast: BenchCast;
  action: LifecycleAction;
  clients: number;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}): Promise<CapacityResult> {
  const { engine } = options;
  const pool = engine.database.pool(2);
  const probed = await probeCapacity({
    url: engine.url,
    cast: options.cast,
    action: options.action,
    probeSeconds: options.seconds,
    clients: options.clients,
    warmupSeconds: options.warmupSeconds,
    drain: () => waitForPipelineDrain(pool, engine.prefix),
    log: options.log,
  });
  options.log(
    `capacity: ${probed.lifecycles_per_s}/s with mail delivered (API ${probed.http_lifecycles_per_s}/s)`,
  );
  return {
    capacity_per_s: probed.lifecycles_per_s,
    http_lifecycles_per_s: probed.http_lifecycles_per_s,
    probe: probed.probe,
  };
}
