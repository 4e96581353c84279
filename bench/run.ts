import 'reflect-metadata';
import { parseBenchArgs } from './lib/bench-args';
import { BenchEngine, waitForBuild } from './lib/bench-engine';
import { createBenchCast } from './lib/bench-cast';
import { pickLifecycleAction } from './lib/lifecycle-action';
import { machineInfo } from './lib/machine-info';
import { ratio, round } from './lib/percentiles';
import { waitForPipelineDrain } from './lib/pipeline-drain';
import { loadAverages, loadVerdict, settledLoad } from './lib/quiet-machine';
import { formatTable, writeResults } from './lib/results-writer';
import { runCapacityScenario } from './scenarios/capacity.scenario';
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
    capacitySeconds: 60,
    capacityWarmupSeconds: 3,
  },
  quick: {
    submitSeconds: 2,
    lifecycleSeconds: 2,
    lifecycleClients: 4,
    mailSubmissions: 30,
    relayEvents: 1_000,
    capacitySeconds: 3,
    capacityWarmupSeconds: 1,
  },
};

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

/**
 * Every scenario, then the results file. A full run is refused before it starts on a busy machine
 * (see `loadVerdict`): exits 1 without writing anything, unless `--force`.
 */
async function main(): Promise<number> {
  const { quick, out, skipScale, force } = parseBenchArgs(process.argv.slice(2));
  const plan = quick ? PLANS.quick : PLANS.full;
  const loadAtStart = quick || force ? loadAverages() : await settledLoad(log);
  const verdict = loadVerdict(loadAtStart[0], { quick, force });
  if (!verdict.write) {
    console.error(`bench: not run, nothing written: ${verdict.reason}`);
    return 1;
  }
  if (verdict.reason) log(verdict.reason);
  const startedAt = new Date().toISOString();
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
    const capacity = await runCapacityScenario({
      engine,
      cast,
      action,
      clients: plan.lifecycleClients,
      seconds: plan.capacitySeconds,
      warmupSeconds: plan.capacityWarmupSeconds,
      log,
    });
    const rssAfter = engine.peakRssMb();
    engineResults = {
      submit,
      lifecycle: lifecycle.result,
      mail,
      capacity,
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

  const { submit, lifecycle, mail, capacity, rss } = engineResults;
  const results = {
    mode: quick ? 'quick' : 'full',
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    machine: machineInfo(),
    load_average_at_start: loadAtStart,
    load_average_at_end: loadAverages(),
    forced: verdict.forced,
    action: action.key,
    ratios: {
      submit_vs_pg: ratio(submit.per_s, submit.pg.per_s),
      submit_vs_noop: ratio(submit.per_s, submit.noop.per_s),
      lifecycle_vs_pg: ratio(lifecycle.per_s, lifecycle.pg.per_s),
      mail_vs_nodemailer: ratio(mail.pipeline_per_s, mail.nodemailer_per_s),
      relay_vs_bullmq: ratio(relay.per_s, relay.bullmq_per_s),
    },
    lifecycles_per_s: lifecycle.per_s,
    pg_lifecycles_per_s: lifecycle.pg.per_s,
    soak: capacity,
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
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
