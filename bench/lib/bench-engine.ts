import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EngineProcess } from '../../test/helpers/engine-process';
import { deleteRedisKeys } from '../../test/helpers/redis-keys';
import { waitFor } from '../../test/helpers/wait-for';
import { BenchDatabase, createBenchDatabase } from './bench-database';
import { BenchSmtpListener } from './bench-smtp-listener';
import { makeSigningKey } from '@app/core';

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** How long an engine process may take to be ready: migrating and booting on a busy machine. */
export const READY_TIMEOUT_MS = 120_000;

const BUILT = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'];

/**
 * Waits for the build to be there: `npm run build` deletes `dist/` first, so a build running
 * elsewhere in the same checkout makes the entry points vanish for a few seconds.
 */
export function waitForBuild(): Promise<boolean> {
  const root = join(__dirname, '..', '..');
  return waitFor(
    () => BUILT.every((path) => existsSync(join(root, path))),
    'the build in dist/ (npm run build)',
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

/** BullMQ connection options for the bench Redis. */
export function redisConnection(): { host: string; port: number } {
  const url = new URL(REDIS_URL);
  return { host: url.hostname, port: Number(url.port || 6379) };
}

export interface BenchEngineOptions {
  /** Extra environment for both processes (pool sizes, relay settings, …). */
  env?: Record<string, string>;
  /** Extra node flags for both processes, such as `--cpu-prof`. */
  nodeArgs?: string[];
  /** How long each process may take to be ready (a busy machine starts them slowly). */
  readyTimeoutMs?: number;
}

/**
 * The engine as operators run it: an API process and a worker process from the build, on a database
 * and a Redis key prefix of their own, sending mail to an SMTP listener in the bench process.
 */
export class BenchEngine {
  private constructor(
    readonly database: BenchDatabase,
    readonly smtp: BenchSmtpListener,
    readonly prefix: string,
    readonly adminToken: string,
    /** The environment both processes run with. */
    readonly env: Record<string, string>,
    readonly api: EngineProcess,
    readonly worker: EngineProcess,
  ) {}

  static async start(options: BenchEngineOptions = {}): Promise<BenchEngine> {
    const database = await createBenchDatabase();
    const smtp = await new BenchSmtpListener().start();
    const prefix = `raci-bench-${randomBytes(4).toString('hex')}`;
    const adminToken = randomBytes(32).toString('base64url');
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
      ADMIN_TOKEN: adminToken,
      LINK_SECRET: randomBytes(32).toString('base64url'),
      SECRETS_KEY: randomBytes(32).toString('base64'),
      AUDIT_SIGNING_KEY: makeSigningKey(),
      AUDIT_KEY: randomBytes(32).toString('base64url'),
      BENCH_NOOP_ROUTE: 'true',
      ...options.env,
    };
    const started: EngineProcess[] = [];
    try {
      await waitForBuild();
      // One after the other: the API migrates the new database, then the worker finds it ready.
      const common = {
        env,
        nodeArgs: options.nodeArgs,
        readyTimeoutMs: options.readyTimeoutMs ?? READY_TIMEOUT_MS,
      };
      started.push(await EngineProcess.start({ role: 'api', ...common }));
      await waitForBuild();
      started.push(await EngineProcess.start({ role: 'worker', ...common }));
    } catch (error) {
      await Promise.all(started.map((engine) => engine.stop()));
      await cleanUp(database, smtp, prefix);
      throw error;
    }
    return new BenchEngine(database, smtp, prefix, adminToken, env, started[0], started[1]);
  }

  get url(): string {
    return this.api.url;
  }

  /** Peak resident memory of each process so far, in MiB. */
  peakRssMb(): { api: number; worker: number } {
    return { api: this.api.peakRssMb(), worker: this.worker.peakRssMb() };
  }

  /** Stops both processes, drops the database and deletes every Redis key of the prefix. */
  async stop(): Promise<void> {
    await Promise.all([this.api.stop(), this.worker.stop()]);
    await cleanUp(this.database, this.smtp, this.prefix);
  }
}

async function cleanUp(database: BenchDatabase, smtp: BenchSmtpListener, prefix: string) {
  await smtp.stop();
  await database.drop();
  await deleteRedisKeys(prefix, REDIS_URL);
}
