import { problemsOf } from './check-results';

/** A results file as a quick run writes it, every required key present. */
function results(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mode: 'quick',
    load_average_at_start: [3.2, 2.1, 1.4],
    load_average_at_end: [3.9, 2.5, 1.6],
    forced: false,
    machine: { cores: 2, memory_gb: 23.5, versions: { node: '20.20.2' } },
    ratios: {
      submit_vs_pg: 0.12,
      submit_vs_noop: 0.41,
      lifecycle_vs_pg: 0.2,
      mail_vs_nodemailer: 0.32,
      relay_vs_bullmq: 0.61,
    },
    lifecycles_per_s: 48,
    pg_lifecycles_per_s: 240,
    soak: { capacity_per_s: 21.7, http_lifecycles_per_s: 46.3 },
    latency_ms: { submit_p99: 413, mail_p99: 900 },
    scale: { list_p99_ms: { '1k': 40 }, inbox_p99_ms: { '1k': 60 }, growth: { list: 1, inbox: 1 } },
    console: {
      requests: 100_000,
      inbox_ms_median: 1_400,
      inbox_ms_p95: 2_000,
      server_inbox_ms_median: 30,
      items_rendered: 50,
    },
    rss_mb: { api: 173, worker: 153 },
    scenarios: {
      submit: { errors: 0 },
      lifecycle: {
        failed: 0,
        completed: 96,
        finished: 97,
        cpu: { per_unit_ms: { api: 41, total: 176 }, busy_share: 0.83 },
        db_waits: { samples: 9, backends: 20, by_activity: { idle: 11 } },
      },
      mail: { pipeline_messages: 500 },
    },
    ...overrides,
  };
}

describe('problemsOf', () => {
  it('accepts a quick run, whatever the load and the console timing', () => {
    expect(problemsOf(results())).toEqual([]);
  });

  it('accepts a full run started on a quiet machine', () => {
    const quiet = results({
      mode: 'full',
      load_average_at_start: [0.8, 0.6, 0.5],
      console: { ...(results().console as object), inbox_ms_median: 510 },
    });
    expect(problemsOf(quiet)).toEqual([]);
  });

  it('refuses a full run started on a busy machine unless it is marked forced', () => {
    const busy = results({
      mode: 'full',
      console: { ...(results().console as object), inbox_ms_median: 510 },
    });
    expect(problemsOf(busy)).toEqual([expect.stringContaining('load_average_at_start: ')]);
    expect(problemsOf({ ...busy, forced: true })).toEqual([]);
  });

  it('names each new key missing', () => {
    const without = results();
    delete without.soak;
    delete without.pg_lifecycles_per_s;
    const ratios = { ...(without.ratios as object), lifecycle_vs_pg: undefined };
    const problems = problemsOf({ ...without, ratios, forced: undefined });
    expect(problems).toEqual(
      expect.arrayContaining([
        'forced: expected a boolean',
        'ratios.lifecycle_vs_pg: expected a number',
        'pg_lifecycles_per_s: expected a number',
        'soak.capacity_per_s: expected a number',
        'pg_lifecycles_per_s: not above 0',
      ]),
    );
  });
});
