import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadVerdict } from './lib/quiet-machine';
import { CONSOLE_INBOX_CEILING_MS } from './targets';

/** Every key the results file must hold, as dotted paths, and what kind of value. */
const REQUIRED: [string, 'number' | 'object' | 'string' | 'boolean'][] = [
  ['mode', 'string'],
  ['load_average_at_start', 'object'],
  ['load_average_at_end', 'object'],
  ['forced', 'boolean'],
  ['ratios.submit_vs_pg', 'number'],
  ['ratios.submit_vs_noop', 'number'],
  ['ratios.lifecycle_vs_pg', 'number'],
  ['ratios.mail_vs_nodemailer', 'number'],
  ['ratios.relay_vs_bullmq', 'number'],
  ['lifecycles_per_s', 'number'],
  ['pg_lifecycles_per_s', 'number'],
  ['scenarios.lifecycle.cpu.per_unit_ms', 'object'],
  ['scenarios.lifecycle.db_waits.by_activity', 'object'],
  ['soak.capacity_per_s', 'number'],
  ['soak.http_lifecycles_per_s', 'number'],
  ['latency_ms.submit_p99', 'number'],
  ['latency_ms.mail_p99', 'number'],
  ['scale.list_p99_ms', 'object'],
  ['scale.inbox_p99_ms', 'object'],
  ['scale.growth.list', 'number'],
  ['scale.growth.inbox', 'number'],
  ['console.requests', 'number'],
  ['console.inbox_ms_median', 'number'],
  ['console.inbox_ms_p95', 'number'],
  ['console.server_inbox_ms_median', 'number'],
  ['rss_mb.api', 'number'],
  ['rss_mb.worker', 'number'],
  ['machine.cores', 'number'],
  ['machine.memory_gb', 'number'],
  ['machine.versions.node', 'string'],
];

/** Counts that show the engine misbehaved under the load, whatever its speed. */
const MUST_BE_ZERO = ['scenarios.submit.errors', 'scenarios.lifecycle.failed'];
// A chain finished after the window still shows the engine works: a quick run on a loaded machine
// may finish none within its two seconds.
const MUST_BE_POSITIVE = [
  'scenarios.lifecycle.finished',
  'scenarios.mail.pipeline_messages',
  'pg_lifecycles_per_s',
  'soak.capacity_per_s',
  'console.items_rendered',
];

function at(results: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], results);
}

/**
 * The problems of one results file: missing keys, wrong kinds, numbers that are not finite,
 * requests the engine refused or lifecycles that broke during the run, and, in a full run, a
 * console inbox that took more than its second to show (a quick run, CI's, on a shared machine with
 * a tenth of the rows, asserts no speed) or a start on a busy machine not marked `forced`.
 */
export function problemsOf(results: unknown): string[] {
  const refused = MUST_BE_ZERO.filter((path) => at(results, path) !== 0);
  const empty = MUST_BE_POSITIVE.filter((path) => !((at(results, path) as number) > 0));
  const inbox = at(results, 'console.inbox_ms_median');
  const full = at(results, 'mode') === 'full';
  const slow = full && typeof inbox === 'number' && inbox > CONSOLE_INBOX_CEILING_MS;
  return [
    ...refused.map((path) => `${path}: not 0`),
    ...empty.map((path) => `${path}: not above 0`),
    ...(slow ? [`console.inbox_ms_median: ${inbox} ms, over ${CONSOLE_INBOX_CEILING_MS} ms`] : []),
    ...(full ? busyStart(results) : []),
    ...REQUIRED.flatMap(([path, kind]) => kindProblem(path, kind, at(results, path))),
  ];
}

/** A full run started above the load limit is recorded only with `--force`, and says so. */
function busyStart(results: unknown): string[] {
  const load = (at(results, 'load_average_at_start') as unknown[] | undefined)?.[0];
  if (typeof load !== 'number') return [];
  const verdict = loadVerdict(load, { quick: false, force: at(results, 'forced') === true });
  return verdict.write ? [] : [`load_average_at_start: ${verdict.reason}`];
}

function kindProblem(path: string, kind: string, value: unknown): string[] {
  if (typeof value !== kind || value === null) return [`${path}: expected a ${kind}`];
  if (kind === 'number' && !Number.isFinite(value)) return [`${path}: not a finite number`];
  if (kind === 'object' && Object.keys(value as object).length === 0) return [`${path}: empty`];
  return [];
}

/**
 * CI's check that `npm run bench -- --quick` still works: the file it wrote is JSON with every
 * required key, and the engine refused nothing under the load. It asserts no speed; of a full run
 * (`npm run bench`), one: the console's promise, the inbox shown within a second (median of the
 * loads) with a million requests. The other timings are ratios to read, not a pass/fail matter.
 */
function main(): void {
  const path = process.argv[2] ?? join(__dirname, 'results', 'quick-latest.json');
  let results: unknown;
  try {
    results = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`${path}: not readable JSON: ${(error as Error).message}`);
    process.exit(1);
  }
  const problems = problemsOf(results);
  if (problems.length > 0) {
    console.error(`${path}:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${path}: valid, every required key present`);
}

if (require.main === module) main();
