import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis, { Cluster, RedisOptions } from 'ioredis';
import { freePort, redisCommand, redisServerArgs } from './throwaway-redis';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** Masters of the cluster: the fewest `redis-cli --cluster create` accepts. */
const MASTERS = 3;

/**
 * A Redis Cluster of a test's own: three `redis-server --cluster-enabled yes` on free ports, no
 * replicas, their cluster files in a temp folder, joined by `redis-cli --cluster create` (which
 * spreads the 16384 slots over the three). `stop` ends them and removes the folder.
 *
 * With `tls`, every node listens for TLS only, its cluster bus too, with a certificate for
 * 127.0.0.1 signed by a certificate authority made for the cluster (`caFile`), which a process
 * trusts through `NODE_EXTRA_CA_CERTS`.
 */
export class ThrowawayRedisCluster {
  private readonly processes: ChildProcess[] = [];

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
    private readonly tls: boolean,
  ) {}

  static async start({ tls = false } = {}): Promise<ThrowawayRedisCluster> {
    const ports: number[] = [];
    while (ports.length < MASTERS) {
      const port = await freePort();
      // The cluster bus listens on port + 10000: keep both free of the other nodes' ports.
      if (port < 55_535 && !ports.some((other) => Math.abs(other - port) === 10_000))
        ports.push(port);
    }
    const dir = mkdtempSync(join(tmpdir(), 'raci-cluster-'));
    const cluster = new ThrowawayRedisCluster(ports, dir, tls);
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
    const seeds = this.ports.map((port) => `127.0.0.1:${port}`).join(',');
    return `${this.tls ? 'rediss' : 'redis'}+cluster://${seeds}`;
  }

  /** The certificate authority that signed the nodes' certificates (TLS only). */
  get caFile(): string {
    return join(this.dir, 'ca.crt');
  }

  /** A client of the whole cluster that trusts its certificates, for the test's own reads. */
  client(): Cluster {
    return new Cluster(
      this.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: this.clientOptions() },
    );
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
    const client = new Redis({
      host: '127.0.0.1',
      port,
      maxRetriesPerRequest: 1,
      ...this.clientOptions(),
    });
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
    if (this.tls) await this.makeCertificates();
    for (const port of this.ports) {
      const child = spawn(
        'redis-server',
        [
          ...redisServerArgs(port),
          ...(this.tls ? this.tlsServerArgs(port) : []),
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
      ...(this.tls ? ['--tls', '--cacert', this.caFile] : []),
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

  /** The node's only port is its TLS one, and the cluster bus speaks TLS as well. */
  private tlsServerArgs(port: number): string[] {
    const file = (name: string) => join(this.dir, name);
    return [
      ...['--port', '0', '--tls-port', String(port), '--tls-cluster', 'yes'],
      ...['--tls-cert-file', file('node.crt'), '--tls-key-file', file('node.key')],
      ...['--tls-ca-cert-file', this.caFile, '--tls-auth-clients', 'no'],
    ];
  }

  /** A certificate authority, and a certificate it signs for 127.0.0.1 that every node presents. */
  private async makeCertificates(): Promise<void> {
    const file = (name: string) => join(this.dir, name);
    const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    await run('openssl', [
      ...['req', '-x509', ...key, '-days', '1', '-subj', '/CN=raci test cluster CA'],
      ...['-keyout', file('ca.key'), '-out', this.caFile],
    ]);
    await run('openssl', [
      ...['req', ...key, '-subj', '/CN=127.0.0.1'],
      ...['-keyout', file('node.key'), '-out', file('node.csr')],
    ]);
    writeFileSync(file('node.ext'), 'subjectAltName=IP:127.0.0.1\n');
    await run('openssl', [
      ...['x509', '-req', '-in', file('node.csr'), '-days', '1', '-extfile', file('node.ext')],
      ...[
        '-CA',
        this.caFile,
        '-CAkey',
        file('ca.key'),
        '-CAcreateserial',
        '-out',
        file('node.crt'),
      ],
    ]);
  }

  /** What the test's own connections to a node need: the cluster's authority, over TLS. */
  private clientOptions(): RedisOptions {
    return this.tls ? { tls: { ca: readFileSync(this.caFile) } } : {};
  }

  private async answers(port: number): Promise<boolean> {
    return this.command(port, 'PING').then(
      (answer) => answer === 'PONG',
      () => false,
    );
  }

  private async command(port: number, ...args: string[]): Promise<string> {
    return String(await redisCommand(port, args, this.clientOptions()));
  }
}
