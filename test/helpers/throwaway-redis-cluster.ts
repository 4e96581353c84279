import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { freePort, redisServerArgs } from './throwaway-redis';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** Masters of the cluster: the fewest `redis-cli --cluster create` accepts. */
const MASTERS = 3;

/**
 * A Redis Cluster of a test's own: three `redis-server --cluster-enabled yes` on free ports, no
 * replicas, their cluster files in a temp folder, joined by `redis-cli --cluster create` (which
 * spreads the 16384 slots over the three). `stop` ends them and removes the folder.
 */
export class ThrowawayRedisCluster {
  private readonly processes: ChildProcess[] = [];

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
  ) {}

  static async start(): Promise<ThrowawayRedisCluster> {
    const ports: number[] = [];
    while (ports.length < MASTERS) {
      const port = await freePort();
      // The cluster bus listens on port + 10000: keep both free of the other nodes' ports.
      if (port < 55_535 && !ports.some((other) => Math.abs(other - port) === 10_000))
        ports.push(port);
    }
    const cluster = new ThrowawayRedisCluster(ports, mkdtempSync(join(tmpdir(), 'raci-cluster-')));
    try {
      await cluster.create();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** REDIS_URL of the cluster, naming every master as a seed. */
  get url(): string {
    return `redis+cluster://${this.ports.map((port) => `127.0.0.1:${port}`).join(',')}`;
  }

  /** `CLUSTER INFO` of one node, as its fields. */
  async info(port: number): Promise<Record<string, string>> {
    return Object.fromEntries(
      (await this.command(port, 'CLUSTER', 'INFO'))
        .split(/\r?\n/)
        .filter((line) => line.includes(':'))
        .map((line) => line.split(':') as [string, string]),
    );
  }

  /** Every key a node holds (KEYS: a test's own server, small). */
  async keysOn(port: number): Promise<string[]> {
    const client = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
    try {
      return await client.keys('*');
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
            child.once('exit', resolve);
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async create(): Promise<void> {
    for (const port of this.ports) {
      const child = spawn(
        'redis-server',
        [
          ...redisServerArgs(port),
          '--dir',
          this.dir,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
        ],
        { stdio: 'ignore' },
      );
      this.processes.push(child);
    }
    for (const port of this.ports) {
      await waitFor(() => this.answers(port), `redis-server on port ${port}`);
    }
    await run('redis-cli', [
      '--cluster',
      'create',
      ...this.ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (const port of this.ports) {
      await waitFor(
        async () => (await this.info(port)).cluster_state === 'ok',
        `cluster_state:ok on port ${port}`,
        { timeoutMs: 30_000, intervalMs: 100 },
      );
    }
  }

  private async answers(port: number): Promise<boolean> {
    return this.command(port, 'PING').then(
      (answer) => answer === 'PONG',
      () => false,
    );
  }

  private async command(port: number, ...args: string[]): Promise<string> {
    const client = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return String(await client.call(args[0], ...args.slice(1)));
    } finally {
      client.disconnect();
    }
  }
}
