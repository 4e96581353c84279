import 'reflect-metadata';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BenchEngine } from './lib/bench-engine';
import { createBenchCast } from './lib/bench-cast';
import { processAgeMs } from './lib/cpu-meter';
import { pickLifecycleAction } from './lib/lifecycle-action';
import { profileByOrigin, profileTop, ProfileEntry } from './lib/profile-top';
import { runLifecycleScenario } from './scenarios/lifecycle.scenario';

const PROFILE_DIR = join(__dirname, '..', 'var', 'profiles', 'lifecycle');

const log = (line: string) =>
  console.log(`[profile ${new Date().toISOString().slice(11, 19)}] ${line}`);

/**
 * `npm run bench:profile [-- --seconds N]`: the bench's lifecycle scenario (32 clients) with the API
 * and the worker under `node --cpu-prof`, then each process's self time during the load and its
 * mail's delivery (the boot left out), by origin (package, engine lib, Node module) and by function.
 * The profiles stay in var/profiles/lifecycle for a viewer (Chrome DevTools, speedscope).
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--seconds');
  const seconds = at >= 0 ? Number(process.argv[at + 1]) : 20;
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });
  const action = pickLifecycleAction();
  const engine = await BenchEngine.start({
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`],
  });
  // Each process's window: from the load's start to its mail delivered (not the bare pg baseline).
  const roles = new Map([
    [engine.api.pid, { role: 'API', fromMs: 0, toMs: Infinity }],
    [engine.worker.pid, { role: 'worker', fromMs: 0, toMs: Infinity }],
  ]);
  const mark = (end: 'fromMs' | 'toMs') => {
    for (const [pid, span] of roles) span[end] = processAgeMs(pid);
  };
  try {
    const cast = await createBenchCast(engine, action.plan);
    mark('fromMs');
    const { result } = await runLifecycleScenario({
      engine,
      cast,
      action,
      clients: 32,
      seconds,
      log,
      onDelivered: () => mark('toMs'),
    });
    log(`${result.per_s} lifecycles/s under the profiler; CPU ${JSON.stringify(result.cpu)}`);
  } finally {
    await engine.stop();
  }
  for (const file of readdirSync(PROFILE_DIR).filter((name) => name.endsWith('.cpuprofile'))) {
    const pid = Number(file.split('.')[3]);
    const span = roles.get(pid) ?? { role: `pid ${pid}`, fromMs: 0, toMs: Infinity };
    const { role, fromMs, toMs } = span;
    const path = join(PROFILE_DIR, file);
    print(`${role}, by origin (${path})`, profileByOrigin(path, fromMs, 15, toMs));
    print(`${role}, by function`, profileTop(path, fromMs, 15, undefined, toMs));
  }
}

function print(title: string, entries: ProfileEntry[]): void {
  console.log(`\n${title}`);
  for (const { selfPercent, name } of entries) {
    console.log(`  ${selfPercent.toFixed(1).padStart(5)} %  ${name}`);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
