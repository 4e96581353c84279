import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { BenchEngine } from './lib/bench-engine';
import { pickLifecycleAction } from './lib/lifecycle-action';
import { machineInfo } from './lib/machine-info';
import { formatTable, writeResults } from './lib/results-writer';
import { parseSoakArgs, resultsName } from './soak/soak-args';
import { buildSoakReport, reportProblems, SoakReport } from './soak/soak-report';
import { runSoak } from './soak/soak-run';

const log = (line: string) =>
  console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);

/**
 * `npm run soak -- --minutes N [--rate R] [--out name]`: half the measured capacity, held for N
 * minutes on one engine, sampled as it goes. Exits 1 only when work was lost or the report is not
 * valid; trends are reported, never asserted (the machine is shared).
 */
async function main(): Promise<number> {
  const args = parseSoakArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const action = pickLifecycleAction();
  log(`${args.minutes} min; lifecycle action ${action.key}`);
  const engine = await BenchEngine.start();
  let report: SoakReport;
  try {
    const run = await runSoak({ engine, action, minutes: args.minutes, rate: args.rate, log });
    report = buildSoakReport(run, {
      startedAt,
      machine: machineInfo(),
      action: action.key,
      minutes: args.minutes,
    });
  } finally {
    await engine.stop();
  }
  const name = resultsName(args);
  // Only full-length runs keep dated copies: a smoke's numbers are not worth comparing later.
  const paths = writeResults(report, name, { dated: args.minutes >= 10 });
  printSummary(report);
  log(`wrote ${paths.join(', ')}`);
  const problems = [
    ...report.lost_work,
    ...reportProblems(JSON.parse(readFileSync(paths[0], 'utf8'))),
  ];
  for (const problem of problems) console.error(`soak: ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

function printSummary(report: SoakReport): void {
  const { trends: t } = report;
  const row = (name: string, trend: typeof t.step_p99_ms, unit: string) => [
    name,
    trend.first,
    trend.last,
    trend.first_third_mean,
    trend.last_third_mean,
    `${trend.slope_per_min} ${unit}/min`,
    `${trend.settled_slope_per_min} ${unit}/min`,
    trend.max,
    trend.flat ? 'yes' : 'NO',
  ];
  const { totals } = report;
  console.log(
    `\nheld ${report.rate_per_s}/s (capacity ${report.capacity.lifecycles_per_s}/s, ` +
      `${report.capacity.source}) for ${report.minutes} min: ${totals.started} started, ` +
      `${totals.completed} completed, ${totals.failed} failed, ${totals.shed} shed; ` +
      `${totals.smtp_accepted} messages; drained in ${report.drain_s} s; machine load ` +
      `${report.load_avg_1m.mean} mean, ${report.load_avg_1m.max} max on ${report.machine.cores} cores\n`,
  );
  console.log(
    formatTable([
      [
        'measure',
        'first',
        'last',
        '1st third',
        'last third',
        'slope',
        'last 2/3 slope',
        'max',
        'flat',
      ],
      row('step p99 ms', t.step_p99_ms, 'ms'),
      row('lifecycle p99 ms', t.lifecycle_p99_ms, 'ms'),
      row('backlog', t.backlog_total, 'items'),
      row('api rss MiB', t.rss_api_mb, 'MiB'),
      row('worker rss MiB', t.rss_worker_mb, 'MiB'),
    ]),
  );
  console.log(`\nflat: ${t.flat_rule}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
