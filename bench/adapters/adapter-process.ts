import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { engineProcessEnv } from '../../test/helpers/engine-process';
import { freePort } from '../../test/helpers/throwaway-redis';
import { waitFor } from '../../test/helpers/wait-for';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'dist/bench/adapters/adapter-server.js');

export type AdapterVariant = 'express-full' | 'express' | 'fastify';

/**
 * One API process of the comparison (`adapter-server.ts`, built into `dist/`), started with the
 * environment and heap ceiling of the engine's own API process. Its log lines go nowhere, the same
 * cost for every variant; its error output is kept for a failed start.
 */
export class AdapterProcess {
  private readonly errors: string[] = [];
  private exited?: Promise<void>;

  private constructor(
    readonly variant: AdapterVariant,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => this.errors.push(chunk));
  }

  static async start(
    variant: AdapterVariant,
    env: Record<string, string>,
    nodeArgs: string[] = [],
  ): Promise<AdapterProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=256', ...nodeArgs, ENTRY, variant],
      {
        cwd: ROOT,
        env: { ...engineProcessEnv(port), ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const server = new AdapterProcess(variant, port, child);
    await waitFor(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`${variant} exited at start:\n${server.errors.join('')}`);
        }
        return server.ping();
      },
      `the ${variant} process to be ready`,
      { timeoutMs: 180_000, intervalMs: 200 },
    );
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Asks it to shut down (so a `--cpu-prof` profile is written), then kills it after 15 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  private async ping(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/health`);
      await response.arrayBuffer();
      return response.status < 500;
    } catch {
      return false;
    }
  }
}
