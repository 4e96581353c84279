import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { LOCAL_STATE_DIR } from '../config/startup-secrets';
import { assertRedisReachable, RedisUnreachableError } from './redis-connection';

/** Where a Redis the embedded default starts keeps its data, its pid and its log. */
export const LOCAL_REDIS_DIR = join(LOCAL_STATE_DIR, 'redis');
/** How long a started redis-server has to answer. */
const ANSWER_TIMEOUT_MS = 10_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Thrown when no Redis answers and none could be started; its message is the one line to print. */
export class LocalRedisError extends Error {
  /** What `exitOnStartupProblem` prints. */
  get startupLines(): string[] {
    return [this.message];
  }
}

/**
 * The port on which the embedded default may start a Redis of its own: only there (no
 * `DATABASE_URL`, not production), and only when `REDIS_URL` is a plain `redis://` on this machine
 * (127.0.0.1 or localhost) without credentials, as the default is. Anywhere else, undefined: a
 * deployment's Redis is the operator's to run.
 */
export function localRedisPort(config: AppConfig): number | undefined {
  const url = config.env.REDIS_URL;
  if (!config.isEmbeddedDefault || !url.startsWith('redis://')) return undefined;
  const parsed = new URL(url);
  if (!LOOPBACK_HOSTS.has(parsed.hostname) || parsed.username || parsed.password) return undefined;
  return Number(parsed.port || 6379);
}

/**
 * A redis-server fit for BullMQ that outlives the engine: append-only (AOF), `noeviction`, on
 * loopback only, daemonized with its pid file and log beside its data in `dir` (absolute).
 */
export function redisServerArgs(port: number, dir: string): string[] {
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'yes',
    '--pidfile',
    join(dir, 'redis.pid'),
    '--logfile',
    join(dir, 'redis.log'),
  ];
}

export interface LocalRedisOptions {
  /** The server to run (found on the PATH). */
  command?: string;
  /** Its folder, relative to the working directory. */
  dir?: string;
}

/**
 * Makes sure Redis answers before the engine starts. In the embedded default, when nothing answers
 * at `REDIS_URL` on this machine, starts a `redis-server` there (daemonized, so the next start finds
 * it running and reuses it) and returns the line that says so; without `redis-server`, stops with
 * the line that says how to get one. Anywhere else an unreachable Redis stops the start, as it did.
 */
export async function ensureRedis(
  config: AppConfig,
  options: LocalRedisOptions = {},
): Promise<string | undefined> {
  try {
    await assertRedisReachable(config.env.REDIS_URL, config.env.REDIS_CONNECT_TIMEOUT_S);
    return undefined;
  } catch (error) {
    const port = localRedisPort(config);
    if (!(error instanceof RedisUnreachableError) || port === undefined) throw error;
    return startLocalRedis(config, port, error, options);
  }
}

async function startLocalRedis(
  config: AppConfig,
  port: number,
  unreachable: RedisUnreachableError,
  { command = 'redis-server', dir = LOCAL_REDIS_DIR }: LocalRedisOptions,
): Promise<string> {
  const nothing = `Redis is not reachable at ${unreachable.maskedUrl} (${unreachable.reason})`;
  try {
    mkdirSync(dirname(dir), { recursive: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    await run(command, redisServerArgs(port, resolve(dir)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LocalRedisError(
        `${nothing}, and ${command} is not installed to start one: install Redis ` +
          '(`apt install redis-server`, `brew install redis`) and start again, or run ' +
          '`docker compose up -d redis`, or set REDIS_URL.',
      );
    }
    throw new LocalRedisError(
      `${nothing}, and ${command} could not be started (${firstLine(error)}): ` +
        `see ${join(dir, 'redis.log')}, or set REDIS_URL.`,
    );
  }
  await waitUntilReachable(config.env.REDIS_URL, port, dir);
  return (
    `Redis did not answer on 127.0.0.1:${port}, so a local redis-server was started there ` +
    `(data in ${dir}/, append-only; pid in ${join(dir, 'redis.pid')}); later starts reuse it`
  );
}

/** Runs `command`, which daemonizes and exits at once; rejects with its output if it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    execFile(command, args, { timeout: ANSWER_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (!error) return done();
      const output = `${stderr}${stdout}`.trim();
      fail(Object.assign(new Error(output || error.message), { code: error.code }));
    });
  });
}

async function waitUntilReachable(url: string, port: number, dir: string): Promise<void> {
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  for (;;) {
    try {
      return await assertRedisReachable(url, 1);
    } catch (error) {
      if (Date.now() > deadline) {
        throw new LocalRedisError(
          `a local redis-server was started on 127.0.0.1:${port} but does not answer ` +
            `(${(error as RedisUnreachableError).reason}): see ${join(dir, 'redis.log')}`,
        );
      }
      await new Promise((wake) => setTimeout(wake, 100));
    }
  }
}

function firstLine(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n')[0];
}
