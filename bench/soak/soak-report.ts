import { MachineInfo } from '../lib/machine-info';
import { round } from '../lib/percentiles';
import { SoakRun } from './soak-run';
import { summarizeTrends, SoakTrends } from './soak-summary';

/** The results file of one soak. */
export interface SoakReport extends Omit<SoakRun, 'samples'> {
  mode: 'soak';
  started_at: string;
  finished_at: string;
  machine: MachineInfo;
  action: string;
  minutes: number;
  backlog: { max: number; end: number };
  rss_mb: Record<'api' | 'worker', { start: number; end: number; peak_sampled: number }>;
  trends: SoakTrends;
  /** The machine's load over the samples (above the core count, other work was waiting for the CPU too). */
  load_avg_1m: { mean: number; max: number };
  /** Work the run lost; empty on a good run. The only thing a soak fails on. */
  lost_work: string[];
  samples: SoakRun['samples'];
}

export function buildSoakReport(
  run: SoakRun,
  context: { startedAt: string; machine: MachineInfo; action: string; minutes: number },
): SoakReport {
  const trends = summarizeTrends(run.samples);
  const { backlog_after_drain: after } = run;
  const rss = (trend: SoakTrends['rss_api_mb']) => ({
    start: trend.first,
    end: trend.last,
    peak_sampled: trend.max,
  });
  const { samples, ...rest } = run;
  return {
    mode: 'soak',
    started_at: context.startedAt,
    finished_at: new Date().toISOString(),
    machine: context.machine,
    action: context.action,
    minutes: context.minutes,
    ...rest,
    backlog: {
      max: trends.backlog_total.max,
      end: after.outbox + after.notifications + after.mail + after.deliveries_queued,
    },
    rss_mb: { api: rss(trends.rss_api_mb), worker: rss(trends.rss_worker_mb) },
    trends,
    load_avg_1m: {
      mean: round(samples.reduce((sum, s) => sum + s.load_avg_1m, 0) / (samples.length || 1)),
      max: Math.max(0, ...samples.map((s) => s.load_avg_1m)),
    },
    lost_work: lostWork(run),
    samples,
  };
}

/** Lifecycles that did not complete, and mail that was owed but never accepted. */
function lostWork(run: SoakRun): string[] {
  const problems: string[] = [];
  for (const [phase, totals] of [
    ['warm-up', run.warmup],
    ['soak', run.totals],
  ] as const) {
    if (totals.completed !== totals.started || totals.failed > 0) {
      problems.push(
        `${phase}: ${totals.started} lifecycles started, ${totals.completed} completed, ` +
          `${totals.failed} failed${totals.first_error ? ` (first: ${totals.first_error})` : ''}`,
      );
    }
  }
  if (!run.drained) {
    const b = run.backlog_after_drain;
    problems.push(
      `the pipeline did not drain in ${run.drain_s} s: outbox ${b.outbox}, ` +
        `notification jobs ${b.notifications}, mail jobs ${b.mail}`,
    );
  }
  const failed = run.deliveries.failed ?? 0;
  const queued = run.deliveries.queued ?? 0;
  if (failed > 0 || queued > 0)
    problems.push(`${failed} deliveries failed, ${queued} still queued`);
  const sent = run.deliveries.sent ?? 0;
  if (run.smtp_distinct_messages < sent) {
    problems.push(`${sent} deliveries sent but SMTP accepted ${run.smtp_distinct_messages}`);
  }
  if (run.samples.length === 0 || run.totals.completed === 0) {
    problems.push('the soak completed no lifecycle, or took no sample');
  }
  return problems;
}

/** Why a results file read back is not a valid soak report: a key missing or a number not finite. */
export function reportProblems(report: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number' && !Number.isFinite(node)) problems.push(`${path}: not finite`);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`);
    }
  };
  walk(report, '$');
  const r = report as Partial<SoakReport> | null;
  if (r?.mode !== 'soak') problems.push('$.mode: expected "soak"');
  if (!Array.isArray(r?.samples) || r.samples.length === 0) problems.push('$.samples: empty');
  if (typeof r?.rate_per_s !== 'number') problems.push('$.rate_per_s: expected a number');
  if (typeof r?.trends?.all_flat !== 'boolean') problems.push('$.trends: missing');
  if (!Array.isArray(r?.lost_work)) problems.push('$.lost_work: missing');
  return problems;
}
