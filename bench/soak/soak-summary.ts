import { round } from '../lib/percentiles';
import { SoakSample } from './soak-sample';

/** How one measure moved over the soak. */
export interface Trend {
  first: number;
  last: number;
  first_third_mean: number;
  last_third_mean: number;
  /** Least-squares slope over all samples, per minute. */
  slope_per_min: number;
  /** Least-squares slope over the last two thirds (after warm-up), per minute. */
  settled_slope_per_min: number;
  max: number;
  flat: boolean;
}

export interface SoakTrends {
  flat_rule: string;
  step_p99_ms: Trend;
  lifecycle_p99_ms: Trend;
  backlog_total: Trend;
  rss_api_mb: Trend;
  rss_worker_mb: Trend;
  all_flat: boolean;
}

/**
 * Latency and backlog may wobble on a shared machine but must not climb: flat when the last third's
 * mean is at most 20% above the first third's plus a small absolute slack (for series near zero).
 * Memory grows while heaps warm up, then must stop: flat when its slope over the last two thirds
 * is under 2 MiB/min.
 */
const RELATIVE_TOLERANCE = 0.2;
const SLACK = { step_p99_ms: 5, lifecycle_p99_ms: 20, backlog_total: 10 };
const RSS_SLOPE_LIMIT_MB_PER_MIN = 2;

export const FLAT_RULE =
  `p99 and backlog: last-third mean <= first-third mean x ${1 + RELATIVE_TOLERANCE} + slack ` +
  `(step p99 ${SLACK.step_p99_ms} ms, lifecycle p99 ${SLACK.lifecycle_p99_ms} ms, backlog ` +
  `${SLACK.backlog_total}); RSS: least-squares slope over the last two thirds < ` +
  `${RSS_SLOPE_LIMIT_MB_PER_MIN} MiB/min`;

export function summarizeTrends(samples: SoakSample[]): SoakTrends {
  const series = (pick: (sample: SoakSample) => number) =>
    samples.map((sample) => ({ t: sample.elapsed_s / 60, v: pick(sample) }));
  const bounded = (points: Point[], slack: number) => {
    const trend = trendOf(points);
    return {
      ...trend,
      flat: trend.last_third_mean <= trend.first_third_mean * (1 + RELATIVE_TOLERANCE) + slack,
    };
  };
  const memory = (points: Point[]) => {
    const trend = trendOf(points);
    return { ...trend, flat: trend.settled_slope_per_min < RSS_SLOPE_LIMIT_MB_PER_MIN };
  };
  const trends = {
    step_p99_ms: bounded(
      series((s) => s.step_p99_ms),
      SLACK.step_p99_ms,
    ),
    lifecycle_p99_ms: bounded(
      series((s) => s.lifecycle_p99_ms),
      SLACK.lifecycle_p99_ms,
    ),
    backlog_total: bounded(
      series((s) => s.backlog.total),
      SLACK.backlog_total,
    ),
    rss_api_mb: memory(series((s) => s.rss_mb.api)),
    rss_worker_mb: memory(series((s) => s.rss_mb.worker)),
  };
  return {
    flat_rule: FLAT_RULE,
    ...trends,
    all_flat: Object.values(trends).every((trend) => trend.flat),
  };
}

interface Point {
  /** Minutes since the soak began. */
  t: number;
  v: number;
}

function trendOf(points: Point[]): Omit<Trend, 'flat'> {
  const third = Math.max(1, Math.floor(points.length / 3));
  return {
    first: points[0]?.v ?? 0,
    last: points[points.length - 1]?.v ?? 0,
    first_third_mean: round(mean(points.slice(0, third))),
    last_third_mean: round(mean(points.slice(-third))),
    slope_per_min: round(slope(points)),
    settled_slope_per_min: round(slope(points.slice(third))),
    max: Math.max(0, ...points.map((point) => point.v)),
  };
}

function mean(points: Point[]): number {
  return points.length ? points.reduce((sum, point) => sum + point.v, 0) / points.length : 0;
}

/** Least-squares slope of v over t; 0 when there are too few points to tell. */
function slope(points: Point[]): number {
  if (points.length < 2) return 0;
  const tMean = points.reduce((sum, point) => sum + point.t, 0) / points.length;
  const vMean = mean(points);
  let covariance = 0;
  let variance = 0;
  for (const { t, v } of points) {
    covariance += (t - tMean) * (v - vMean);
    variance += (t - tMean) ** 2;
  }
  return variance > 0 ? covariance / variance : 0;
}
