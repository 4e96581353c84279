import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './throwaway-redis';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..');

/** The built entry points, as `npm start`, `npm run start:api` and `npm run start:worker` run them. */
export const ENGINE_ENTRY = {
  api: join(ROOT, 'dist/apps/api/src/main.js'),
  worker: join(ROOT, 'dist/apps/worker/src/main.js'),
} as const;

/**
 * The heap ceiling the `start` scripts set. Without one, V8 sizes the heap from the machine's memory
 * and lets garbage pile up long before collecting it, so RSS measured here would not be what
 * operators see.
 */
const HEAP_LIMIT = '--max-old-space-size=256';

/** What a built engine process runs with, before its own settings: production, JSON logs, `port`. */
export function engineProcessEnv(port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    HOST: '127.0.0.1',
    PORT: String(port),
    METRICS_PORT: '0',
  };
}

/** `api` serves HTTP only, `worker` runs the processors only, `all` is both in one process. */
export type EngineRole = 'api' | 'worker' | 'all';

export interface EngineProcessOptions {
  role: EngineRole;
  /** The engine's environment (DATABASE_URL, REDIS_URL, QUEUE_PREFIX, SMTP_URL, ADMIN_TOKEN, …). */
  env: Record<string, string>;
  /** Extra node flags, such as `--cpu-prof`. */
  nodeArgs?: string[];
  /** How long to wait for the process to be ready. */
  readyTimeoutMs?: number;
  /** Its working directory, where `var/` is (the repository by default). */
  cwd?: string;
}

/**
 * One engine process started from the build, the way operators run it, so a test or a benchmark
 * can kill it with a real signal, restart it and read its memory. Its log lines are kept.
 */
export class EngineProcess {
  readonly logs: string[] = [];
  private child?: ChildProcess;
  private exited?: Promise<void>;
  /** Whether the test asked it to end (kill or stop), so an exit is not a crash. */
  private ending = false;

  private constructor(
    private readonly options: EngineProcessOptions,
    /** The HTTP port (api and all); unused by a worker. */
    readonly port: number,
  ) {}

  static async start(options: EngineProcessOptions): Promise<EngineProcess> {
    for (const entry of Object.values(ENGINE_ENTRY)) {
      if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    }
    const engine = new EngineProcess(options, await freePort());
    await engine.start();
    return engine;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get role(): EngineRole {
    return this.options.role;
  }

  /** Whether it ended without being asked to: a crash, whose last lines say why. */
  get crashed(): boolean {
    return !!this.child && !this.running && !this.ending;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process (again, after a kill or a stop) and waits until it is ready. */
  async start(): Promise<void> {
    if (this.running) return;
    this.ending = false;
    const { role, env, nodeArgs = [], readyTimeoutMs = 90_000, cwd = ROOT } = this.options;
    const entry = role === 'worker' ? ENGINE_ENTRY.worker : ENGINE_ENTRY.api;
    const args = [HEAP_LIMIT, ...nodeArgs, entry, ...(role === 'all' ? ['--with-worker'] : [])];
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...engineProcessEnv(this.port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // Only this run's lines tell whether it is ready: a restart keeps the earlier runs' logs.
    const firstLine = this.logs.length;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        this.logs.push(...lines);
      });
    }
    await waitFor(
      () => {
        if (!this.running) throw new Error(`${role} exited at start:\n${this.logs.join('\n')}`);
        return role === 'worker'
          ? this.logs.slice(firstLine).some((l) => l.includes('worker started'))
          : this.ping();
      },
      `the ${role} process to be ready`,
      { timeoutMs: readyTimeoutMs, intervalMs: 100 },
    );
  }

  /** Sends a signal (SIGKILL by default: a crash) and waits for the process to end. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    this.ending = true;
    this.child!.kill(signal);
    await this.exited;
  }

  /** Asks the process to shut down gracefully; kills it if it has not ended within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.ending = true;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Calls its HTTP API as a client would: a JSON answer comes back parsed, any other as text. */
  async call(method: string, path: string, token?: string, body?: unknown) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  }

  /** Resident memory now, in MiB (Linux). */
  rssMb(): number {
    return this.statusKb('VmRSS') / 1024;
  }

  /** The highest resident memory since the process started, in MiB (Linux). */
  peakRssMb(): number {
    return this.statusKb('VmHWM') / 1024;
  }

  /** The log lines parsed as JSON (pino), skipping any that are not. */
  jsonLogs(): Record<string, unknown>[] {
    return this.logs.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  private statusKb(field: string): number {
    if (!this.running) return 0;
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  }

  private async ping(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) });
      return response.ok;
    } catch {
      return false;
    }
  }
}
