import { performance } from 'node:perf_hooks';
import { BenchCast } from '../lib/bench-cast';
import { LifecycleAction } from '../lib/lifecycle-action';
import { runLifecycle } from '../lib/lifecycle-driver';

/** What happened to the lifecycles in one window of the load. */
export interface LoadWindow {
  started: number;
  completed: number;
  failed: number;
  /** Arrivals not started because `maxInFlight` lifecycles were already running. */
  shed: number;
  /** Latency of each step (submission or transition) of the lifecycles completed in the window, ms. */
  stepLatencies: number[];
  /** Submission to completion of each lifecycle completed in the window, ms. */
  lifecycleLatencies: number[];
}

/** How often due arrivals are launched: fine enough for tens of lifecycles per second. */
const TICK_MS = 20;

const emptyWindow = (): LoadWindow => ({
  started: 0,
  completed: 0,
  failed: 0,
  shed: 0,
  stepLatencies: [],
  lifecycleLatencies: [],
});

/**
 * Lifecycles arriving at a fixed rate whatever the engine does (open loop): when the engine slows,
 * the work in flight grows instead of the rate dropping, so a soak shows trouble as backlog. Each
 * lifecycle is the same submit → approve → start → complete chain the bench drives.
 */
export class OpenLoopLoad {
  readonly totals = emptyWindow();
  private window = emptyWindow();
  private readonly running = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private startedAt = 0;
  private arrivals = 0;
  private firstErrorText?: string;

  constructor(
    private readonly options: {
      url: string;
      cast: BenchCast;
      action: LifecycleAction;
      ratePerS: number;
      /** A guard against a stalled engine exhausting the load generator's memory. */
      maxInFlight: number;
    },
  ) {}

  get inFlight(): number {
    return this.running.size;
  }

  get firstError(): string | undefined {
    return this.firstErrorText;
  }

  start(): void {
    this.startedAt = performance.now();
    this.timer = setInterval(() => this.launchDue(), TICK_MS);
  }

  /** The window since the last call, and a fresh one begun. */
  takeWindow(): LoadWindow {
    const window = this.window;
    this.window = emptyWindow();
    return window;
  }

  /** Stops new arrivals and waits for every lifecycle in flight to end. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.running]);
  }

  private launchDue(): void {
    const due = Math.floor(((performance.now() - this.startedAt) / 1000) * this.options.ratePerS);
    for (; this.arrivals < due; this.arrivals++) {
      if (this.running.size >= this.options.maxInFlight) {
        this.count('shed');
        continue;
      }
      this.launch(this.arrivals);
    }
  }

  private launch(n: number): void {
    const { url, cast, action } = this.options;
    const began = performance.now();
    this.count('started');
    const lifecycle = runLifecycle(url, cast, action, n).then(
      (steps) => {
        const latencies = steps.map((step) => step.latencyMs);
        this.window.stepLatencies.push(...latencies);
        this.window.lifecycleLatencies.push(performance.now() - began);
        this.count('completed');
      },
      (error: Error) => {
        this.firstErrorText ??= error.message;
        this.count('failed');
      },
    );
    const tracked = lifecycle.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private count(field: 'started' | 'completed' | 'failed' | 'shed'): void {
    this.window[field]++;
    this.totals[field]++;
  }
}
