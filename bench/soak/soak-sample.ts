import { loadavg } from 'node:os';
import { BenchEngine } from '../lib/bench-engine';
import { percentiles, round } from '../lib/percentiles';
import { Backlog, BacklogProbe } from './backlog-probe';
import { OpenLoopLoad } from './open-loop-load';

/** One line of the soak: the interval since the previous sample, and the state at its end. */
export interface SoakSample {
  elapsed_s: number;
  started: number;
  completed: number;
  failed: number;
  shed: number;
  /** p99 of one step (submission or transition), of the lifecycles completed in the interval. */
  step_p99_ms: number;
  /** p99 of submission to completion, of the lifecycles completed in the interval. */
  lifecycle_p99_ms: number;
  backlog: Backlog & {
    in_flight: number;
    /** outbox + notification jobs + mail jobs + lifecycles in flight. */
    total: number;
  };
  /** Messages the SMTP listener accepted in the interval. */
  smtp_accepted: number;
  rss_mb: { api: number; worker: number };
  /** The machine's 1-minute load average: the CPU is shared, so a bad window may not be ours. */
  load_avg_1m: number;
}

/** Takes samples of one soak: each closes the load's window and reads backlog and memory. */
export class SoakSampler {
  readonly samples: SoakSample[] = [];
  private smtpSeen: number;

  constructor(
    private readonly engine: BenchEngine,
    private readonly load: OpenLoopLoad,
    private readonly probe: BacklogProbe,
    private readonly startedAt: number,
  ) {
    this.smtpSeen = engine.smtp.accepted.length;
  }

  async take(): Promise<SoakSample> {
    const window = this.load.takeWindow();
    const backlog = await this.probe.read();
    const inFlight = this.load.inFlight;
    const smtpNow = this.engine.smtp.accepted.length;
    const sample: SoakSample = {
      elapsed_s: round((Date.now() - this.startedAt) / 1000, 1),
      started: window.started,
      completed: window.completed,
      failed: window.failed,
      shed: window.shed,
      step_p99_ms: percentiles(window.stepLatencies).p99,
      lifecycle_p99_ms: percentiles(window.lifecycleLatencies).p99,
      backlog: {
        ...backlog,
        in_flight: inFlight,
        total: backlog.outbox + backlog.notifications + backlog.mail + inFlight,
      },
      smtp_accepted: smtpNow - this.smtpSeen,
      rss_mb: {
        api: round(this.engine.api.rssMb(), 1),
        worker: round(this.engine.worker.rssMb(), 1),
      },
      load_avg_1m: round(loadavg()[0]),
    };
    this.smtpSeen = smtpNow;
    this.samples.push(sample);
    return sample;
  }
}

/** One sample as a printed line. */
export function formatSample(sample: SoakSample): string {
  const { backlog: b, rss_mb: rss } = sample;
  return [
    `${sample.elapsed_s.toFixed(0).padStart(5)} s`,
    `started ${sample.started} done ${sample.completed} failed ${sample.failed}` +
      (sample.shed > 0 ? ` shed ${sample.shed}` : ''),
    `p99 step ${sample.step_p99_ms} ms lifecycle ${sample.lifecycle_p99_ms} ms`,
    `backlog ${b.total} (outbox ${b.outbox}, notif ${b.notifications}, mail ${b.mail}, ` +
      `in flight ${b.in_flight}; deliveries queued ${b.deliveries_queued})`,
    `smtp +${sample.smtp_accepted}`,
    `rss api ${rss.api} worker ${rss.worker} MiB`,
    `load ${sample.load_avg_1m}`,
  ].join(' | ');
}
