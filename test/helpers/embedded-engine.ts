import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ENGINE_ENTRY, EngineProcess } from './engine-process';
import { deleteRedisKeys, SHARED_REDIS_URL } from './redis-keys';
import { E2E_DRIVER } from './test-database';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..');

/**
 * The embedded default (no DATABASE_URL, not production) uses an SQLite file and files under `var/`
 * whatever E2E_DRIVER says, so its tests run in one pass of the e2e suite only: the PostgreSQL one.
 */
export const describeEmbedded = E2E_DRIVER === 'postgres' ? describe : describe.skip;

/**
 * The environment of an engine started as on a fresh clone, in a folder of its own (its `var/`):
 * no DATABASE_URL, no ADMIN_TOKEN, no LINK_SECRET. Only the matrix (the folder is not the
 * repository), the Redis key prefix and a short relay poll differ.
 */
export function embeddedEnv(prefix: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_FORMAT: 'json',
    RACI_DIR: join(ROOT, 'config/raci'),
    REDIS_URL: SHARED_REDIS_URL,
    QUEUE_PREFIX: prefix,
    RELAY_POLL_MS: '50',
  };
}

/**
 * The built engine, API and worker in one process, started as on a fresh clone in a new empty
 * folder (its `var/`) with a Redis key prefix of its own; `close` stops it and removes both.
 */
export class FreshEngine {
  private constructor(
    readonly dir: string,
    readonly engine: EngineProcess,
    private readonly prefix: string,
  ) {}

  static async start(name: string): Promise<FreshEngine> {
    const prefix = `raci-${name}-${randomBytes(4).toString('hex')}`;
    const dir = mkdtempSync(join(tmpdir(), `raci-${name}-`));
    try {
      const engine = await EngineProcess.start({ role: 'all', cwd: dir, env: embeddedEnv(prefix) });
      return new FreshEngine(dir, engine, prefix);
    } catch (error) {
      await removeTraces(dir, prefix);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await removeTraces(this.dir, this.prefix);
  }
}

async function removeTraces(dir: string, prefix: string): Promise<void> {
  await deleteRedisKeys(prefix);
  rmSync(dir, { recursive: true, force: true });
}

/** The lines meant for people (`raci-engine: ...`), in order. */
export function startupLines(logs: string[]): string[] {
  return logs.filter((line) => line.startsWith('raci-engine: '));
}

/** The admin token the engine keeps in `dir/var/secrets/admin-token`. */
export function keptAdminToken(dir: string): string {
  return readFileSync(join(dir, 'var', 'secrets', 'admin-token'), 'utf8').trim();
}

/** The approve link of the first approval message to `email` the worker wrote under `dir/var/mail`. */
export async function approveLinkFor(dir: string, email: string): Promise<string> {
  const mailDir = join(dir, 'var', 'mail');
  return waitFor(
    async () => {
      const files = existsSync(mailDir) ? readdirSync(mailDir) : [];
      for (const file of files.filter((f) => f.endsWith('.eml'))) {
        const mail = await simpleParser(readFileSync(join(mailDir, file)));
        const to = [mail.to ?? []].flat().flatMap((address) => address.value);
        if (!mail.subject?.startsWith('Approval') || !to.some((a) => a.address === email)) {
          continue;
        }
        return /^Approve: (\S+)$/m.exec(mail.text ?? '')?.[1];
      }
      return undefined;
    },
    `the approval email to ${email} in ${mailDir}`,
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}

/** How a start that must fail ended: its exit code and its lines. */
export interface FailedStart {
  code: number | null;
  stdout: string[];
  stderr: string[];
}

/**
 * Runs the built engine (API and worker in one process, as `npm start`) until it exits, for starts
 * that must be refused; kills it after `timeoutMs`, which fails the test's expectations.
 */
export function startToExit(
  env: Record<string, string>,
  { cwd, timeoutMs = 30_000 }: { cwd: string; timeoutMs?: number },
): Promise<FailedStart> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENGINE_ENTRY.api, '--with-worker'], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_FORMAT: 'json',
        HOST: '127.0.0.1',
        PORT: '0',
        METRICS_PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(killer);
      const lines = (text: string) => text.split('\n').filter(Boolean);
      setTimeout(() => resolve({ code, stdout: lines(stdout), stderr: lines(stderr) }), 50);
    });
  });
}
