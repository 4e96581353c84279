import 'reflect-metadata';
import { loadavg } from 'node:os';
import { BenchEngine, waitForBuild } from './lib/bench-engine';
import { createBenchCast } from './lib/bench-cast';
import { pickLifecycleAction } from './lib/lifecycle-action';
import { machineInfo } from './lib/machine-info';
import { ratio, round } from './lib/percentiles';
import { waitForPipelineDrain } from './lib/pipeline-drain';
import { formatTable, writeResults } from './lib/results-writer';
import { runConsoleScenario } from './scenarios/console.scenario';
import { runLifecycleScenario } from './scenarios/lifecycle.scenario';
import { runMailScenario } from './scenarios/mail.scenario';
import { runRelayScenario } from './scenarios/relay.scenario';
import { runScaleScenario, ScaleResult } from './scenarios/scale.scenario';
import { runSubmitScenario } from './scenarios/submit.scenario';
import { evaluateTargets } from './targets';

/** How long and how big each scenario runs: `--quick` for CI, so the bench never rots. */
const PLANS = {
  full: {
    submitSeconds: 20,
    lifecycleSeconds: 20,
    lifecycleClients: 32,
    mailSubmissions: 500,
    relayEvents: 20_000,
  },
  quick: {
    submitSeconds: 2,
    lifecycleSeconds: 2,
    lifecycleClients: 4,
    mailSubmissions: 30,
    relayEvents: 1_000,
  },
};

/** `--quick`; `--out <name>` (results file name, without .json); `--skip-scale` while iterating. */
function parseArgs(argv: string[]): { quick: boolean; out: string; skipScale: boolean } {
  const quick = argv.includes('--quick');
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : quick ? 'quick-latest' : 'latest';
  return { quick, out, skipScale: argv.includes('--skip-scale') };
}

/** The console scenario starts its engine from the build too: the same wait as the scale's. */
async function runConsole(quick: boolean) {
  await waitForBuild();
  return runConsoleScenario({ quick, log });
}

/**
 * The scale scenario starts its own engines from the build; a build running elsewhere in the
 * checkout removes dist/ for a while, so wait for it, and try once more if it vanished mid-start.
 */
async function runScale(quick: boolean): Promise<ScaleResult> {
  await waitForBuild();
  try {
    return await runScaleScenario({ quick, log });
  } catch (error) {
    log(`scale failed (${(error as Error).message.split('\n')[0]}); once more`);
    await waitForBuild();
    return runScaleScenario({ quick, log });
  }
}

const log = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  const { quick, out, skipScale } = parseArgs(process.argv.slice(2));
  const plan = quick ? PLANS.quick : PLANS.full;
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg().map((load) => round(load));
  const action = pickLifecycleAction();
  log(`${quick ? 'quick' : 'full'} run; lifecycle action ${action.key}`);

  const engine = await BenchEngine.start();
  let engineResults;
  try {
    const cast = await createBenchCast(engine, action.plan);
    const submit = await runSubmitScenario({
      engine,
      cast,
      action,
      seconds: plan.submitSeconds,
      log,
    });
    // The submissions' mail must be out first, or the lifecycle's would queue behind it.
    log('waiting for the submissions to be delivered');
    await waitForPipelineDrain(engine.database.pool(1), engine.prefix);
    const lifecycle = await runLifecycleScenario({
      engine,
      cast,
      action,
      clients: plan.lifecycleClients,
      seconds: plan.lifecycleSeconds,
      log,
    });
    // The worker restarts during the mail scenario: read its peak before.
    const rssBefore = engine.peakRssMb();
    const mail = await runMailScenario({
      engine,
      cast,
      action,
      steps: lifecycle.steps,
      submissions: plan.mailSubmissions,
      log,
    });
    const rssAfter = engine.peakRssMb();
    engineResults = {
      submit,
      lifecycle: lifecycle.result,
      mail,
      rss: {
        api: round(Math.max(rssBefore.api, rssAfter.api), 1),
        worker: round(Math.max(rssBefore.worker, rssAfter.worker), 1),
      },
    };
  } finally {
    await engine.stop();
  }
  const relay = await runRelayScenario({ events: plan.relayEvents, log });
  const scale = skipScale ? null : await runScale(quick);
  const consoleResult = await runConsole(quick);

  const { submit, lifecycle, mail, rss } = engineResults;
  const results = {
    mode: quick ? 'quick' : 'full',
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    machine: machineInfo(),
    load_average_at_start: loadAtStart,
    action: action.key,
    ratios: {
      submit_vs_pg: ratio(submit.per_s, submit.pg.per_s),
      submit_vs_noop: ratio(submit.per_s, submit.noop.per_s),
      mail_vs_nodemailer: ratio(mail.pipeline_per_s, mail.nodemailer_per_s),
      relay_vs_bullmq: ratio(relay.per_s, relay.bullmq_per_s),
    },
    lifecycles_per_s: lifecycle.per_s,
    latency_ms: {
      submit_p50: submit.p50_ms,
      submit_p99: submit.p99_ms,
      mail_p50: mail.latency_ms.p50,
      mail_p99: mail.latency_ms.p99,
    },
    scale,
    console: consoleResult,
    rss_mb: rss,
    scenarios: { submit, lifecycle, mail, relay },
  };
  const targets = evaluateTargets(results);
  // Quick runs (CI) leave no dated copies behind: their numbers are not worth keeping.
  const paths = writeResults({ ...results, targets }, out, { dated: !quick });
  console.log(
    `\n${formatTable([['measure', 'value', 'target', 'met'], ...targets.map((t) => [t.name, t.value, t.target, t.met ? 'yes' : 'NO'])])}\n`,
  );
  log(`wrote ${paths.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
