import { Pool } from 'pg';
import { BENCH_APPLICATION_NAME } from './bench-database';
import { round } from './percentiles';

/** One sampled backend: what `pg_stat_activity` says it was doing. */
export interface BackendSample {
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
}

/** What the database's connections did while a scenario ran, as backends on average. */
export interface DatabaseWaits {
  samples: number;
  /** Connections of the side sampled, mean per sample. */
  backends: number;
  /** Mean backends per activity, largest first: `running`, `Lock:transactionid`, `idle`, … */
  by_activity: Record<string, number>;
}

/** The client connections to the bench database, the engine's or the bench's own, sampler apart. */
const SAMPLE_SQL = `SELECT state, wait_event_type, wait_event FROM pg_stat_activity
  WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
    AND (application_name = $1) = $2`;

/** A backend's activity: idle, idle in a transaction (waiting on its client), running or waiting. */
export function activityOf(backend: BackendSample): string {
  if (backend.state === 'active') {
    return backend.wait_event_type ? `${backend.wait_event_type}:${backend.wait_event}` : 'running';
  }
  return backend.state ?? 'unknown';
}

/** Mean backends per activity over the samples, largest first, to two decimals. */
export function summarizeWaits(samples: BackendSample[][]): DatabaseWaits {
  const counts = new Map<string, number>();
  for (const backend of samples.flat()) {
    const activity = activityOf(backend);
    counts.set(activity, (counts.get(activity) ?? 0) + 1);
  }
  const mean = (count: number) => round(count / Math.max(1, samples.length), 2);
  return {
    samples: samples.length,
    backends: mean(samples.flat().length),
    by_activity: Object.fromEntries(
      [...counts].sort(([, a], [, b]) => b - a).map(([activity, n]) => [activity, mean(n)]),
    ),
  };
}

/**
 * Samples `pg_stat_activity` every `intervalMs` on one connection of its own until stopped: the
 * database's side of a profile, showing whether the connections run, wait on a lock, or sit in a
 * transaction waiting for their client (the application's time while holding locks). `of` picks
 * whose connections: the engine's, or the bench's own (a baseline's), told apart by the bench's
 * `application_name`.
 */
export function sampleDatabaseWaits(
  pool: Pool,
  of: 'engine' | 'bench',
  intervalMs = 20,
): () => Promise<DatabaseWaits> {
  const params = [BENCH_APPLICATION_NAME, of === 'bench'];
  const samples: BackendSample[][] = [];
  let running = true;
  const loop = (async () => {
    const connection = await pool.connect();
    try {
      while (running) {
        samples.push((await connection.query<BackendSample>(SAMPLE_SQL, params)).rows);
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    } finally {
      connection.release();
    }
  })();
  return async () => {
    running = false;
    await loop;
    return summarizeWaits(samples);
  };
}
