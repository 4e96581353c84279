import 'reflect-metadata';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BenchEngine } from '../lib/bench-engine';
import { createBenchCast } from '../lib/bench-cast';
import { pickLifecycleAction } from '../lib/lifecycle-action';
import { round } from '../lib/percentiles';
import { AdapterProcess, AdapterVariant } from './adapter-process';
import { profileTop } from '../lib/profile-top';

/**
 * Express against Fastify, everything else equal: the engine's modules, guard, pipe, filter,
 * interceptors and logger on either adapter (see adapter-server.ts), on one database, one Redis
 * and one worker, with the engine as it runs today (`express-full`) as the reference. Each route
 * is loaded in turn on every variant, in a rotating order, round after round, so drift on a shared
 * machine falls on all of them alike; the medians are reported.
 *
 * `--rounds <n>` (3), `--seconds <s>` per load (5), `--profile` to also profile the no-op route on
 * each edgeless variant with `--cpu-prof` (in var/profiles/adapters).
 */
const CONNECTIONS = 32;
const VARIANTS: AdapterVariant[] = ['express', 'fastify', 'express-full'];
const PROFILE_DIR = join(__dirname, '..', '..', 'var', 'profiles', 'adapters');

interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

interface Sample {
  perSecond: number;
  p99: number;
  failures: number;
}

const log = (line: string) =>
  console.log(`[adapters ${new Date().toISOString().slice(11, 19)}] ${line}`);

function option(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
}

async function load(url: string, route: Route, token: string, seconds: number): Promise<Sample> {
  const result = await autocannon({
    url: `${url}${route.path}`,
    method: route.method,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: route.body,
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function compare(
  servers: AdapterProcess[],
  routes: Route[],
  token: string,
  rounds: number,
  seconds: number,
): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>();
  for (const route of routes) {
    for (const server of servers) await load(server.url, route, token, 1); // warm-up
    for (let r = 0; r < rounds; r++) {
      const order = servers.map((_, i) => servers[(i + r) % servers.length]);
      for (const server of order) {
        const sample = await load(server.url, route, token, seconds);
        const key = `${route.name} ${server.variant}`;
        samples.set(key, [...(samples.get(key) ?? []), sample]);
        log(
          `${key}: ${round(sample.perSecond)}/s, p99 ${sample.p99} ms, ${sample.failures} failed`,
        );
      }
    }
  }
  return samples;
}

function report(samples: Map<string, Sample[]>, routes: Route[]): void {
  console.log('\n| route | adapter | req/s (median) | p99 ms (median) | failed | vs express |');
  console.log('|---|---|---|---|---|---|');
  for (const route of routes) {
    const base = median((samples.get(`${route.name} express`) ?? []).map((s) => s.perSecond));
    for (const variant of VARIANTS) {
      const runs = samples.get(`${route.name} ${variant}`) ?? [];
      const perSecond = median(runs.map((s) => s.perSecond));
      const failed = runs.reduce((sum, s) => sum + s.failures, 0);
      console.log(
        `| ${route.name} | ${variant} | ${round(perSecond)} | ${median(runs.map((s) => s.p99))} | ${failed} | ${base ? round(perSecond / base) : 0} |`,
      );
    }
  }
}

/** The no-op route under load on each edgeless variant alone, with `--cpu-prof`. */
async function profile(env: Record<string, string>, route: Route, token: string, seconds: number) {
  for (const variant of ['express', 'fastify'] as const) {
    const dir = join(PROFILE_DIR, variant);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const spawnedAt = Date.now();
    const server = await AdapterProcess.start(variant, env, [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
    ]);
    await load(server.url, route, token, 2);
    const loadFromMs = Date.now() - spawnedAt; // the boot and the warm-up left out
    const sample = await load(server.url, route, token, seconds);
    await server.stop();
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    const where = file ? join(dir, file) : 'no profile';
    console.log(`\n${variant}, ${route.name}, ${round(sample.perSecond)}/s profiled (${where}):`);
    for (const entry of file ? profileTop(join(dir, file), loadFromMs) : []) {
      console.log(`  ${entry.selfPercent.toFixed(1).padStart(5)} %  ${entry.name}`);
    }
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const rounds = option(argv, '--rounds', 3);
  const seconds = option(argv, '--seconds', 5);
  log(
    `load average at start: ${loadavg()
      .map((l) => round(l))
      .join(' ')}`,
  );
  const action = pickLifecycleAction();
  const engine = await BenchEngine.start({ readyTimeoutMs: 180_000 });
  const servers: AdapterProcess[] = [];
  try {
    const cast = await createBenchCast(engine, action.plan, 1);
    const token = cast.requesters[0].token;
    // Only the worker stays: the variants are the API processes.
    await engine.api.stop();
    for (const variant of VARIANTS) servers.push(await AdapterProcess.start(variant, engine.env));
    const routes: Route[] = [
      { name: 'POST /v1/bench/noop', method: 'POST', path: '/v1/bench/noop', body: '{}' },
      { name: 'GET /v1/me', method: 'GET', path: '/v1/me' },
      {
        name: 'POST /v1/requests',
        method: 'POST',
        path: '/v1/requests',
        body: JSON.stringify({ action: action.key, params: action.params }),
      },
    ];
    log(`${rounds} rounds of ${seconds} s per route and adapter, ${CONNECTIONS} connections`);
    const samples = await compare(servers, routes, token, rounds, seconds);
    report(samples, routes);
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    if (argv.includes('--profile')) await profile(engine.env, routes[0], token, seconds * 2);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await engine.stop();
    log(
      `load average at end: ${loadavg()
        .map((l) => round(l))
        .join(' ')}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
