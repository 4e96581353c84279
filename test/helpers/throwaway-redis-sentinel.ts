import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, redisCommand, ThrowawayRedis } from './throwaway-redis';
import { waitFor } from './wait-for';

/** The name the sentinels know the master by. */
const MASTER_NAME = 'raci-master';

/**
 * A Sentinel set of a test's own: a master, one replica of it and one sentinel (a quorum of one),
 * each a `redis-server` on a free port, their files in a temp folder. `failover` has the sentinel
 * promote the replica, as it would on losing the master; `stop` ends them all.
 */
export class ThrowawayRedisSentinel {
  private constructor(
    private readonly servers: ThrowawayRedis[],
    private readonly sentinelPort: number,
    private readonly sentinel: ChildProcess,
    private readonly dir: string,
  ) {}

  static async start(): Promise<ThrowawayRedisSentinel> {
    const dir = mkdtempSync(join(tmpdir(), 'raci-sentinel-'));
    const servers: ThrowawayRedis[] = [];
    let sentinel: ChildProcess | undefined;
    try {
      const master = await ThrowawayRedis.start(['--dir', dir, '--dbfilename', 'master.rdb']);
      servers.push(master);
      const replicaArgs = ['--replicaof', '127.0.0.1', String(master.port)];
      servers.push(await ThrowawayRedis.start(['--dir', dir, ...replicaArgs]));
      const port = await freePort();
      const config = join(dir, 'sentinel.conf');
      writeFileSync(
        config,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${master.port} 1`,
          `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
          `sentinel failover-timeout ${MASTER_NAME} 10000`,
          '',
        ].join('\n'),
      );
      sentinel = spawn('redis-server', [config, '--sentinel'], { stdio: 'ignore' });
      const set = new ThrowawayRedisSentinel(servers, port, sentinel, dir);
      await waitFor(
        () =>
          set.ask('SENTINEL', 'REPLICAS', MASTER_NAME).then(
            (replicas) => replicas.length === 1,
            () => false,
          ),
        'the sentinel to know the replica',
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      return set;
    } catch (error) {
      sentinel?.kill('SIGKILL');
      await Promise.all(servers.map((server) => server.stop()));
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** REDIS_URL of the set: the sentinel, and the name of the master it watches. */
  get url(): string {
    return `redis+sentinel://127.0.0.1:${this.sentinelPort}/${MASTER_NAME}`;
  }

  /** The port of the master, as the sentinel names it now. */
  async masterPort(): Promise<number> {
    const [, port] = (await this.ask(
      'SENTINEL',
      'GET-MASTER-ADDR-BY-NAME',
      MASTER_NAME,
    )) as string[];
    return Number(port);
  }

  /**
   * Has the sentinel promote the replica and turn the old master into its replica, then waits
   * until the new master answers as one and the old one follows it.
   */
  async failover(): Promise<void> {
    const before = await this.masterPort();
    const after = this.servers.find((server) => server.port !== before)!.port;
    await this.ask('SENTINEL', 'FAILOVER', MASTER_NAME);
    const done = async () =>
      (await this.masterPort()) === after &&
      (await role(after)) === 'master' &&
      (await role(before)) === 'slave';
    await waitFor(() => done().catch(() => false), 'the failover to complete', {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
  }

  async stop(): Promise<void> {
    if (this.sentinel.exitCode === null && this.sentinel.signalCode === null) {
      await new Promise((resolve) => {
        this.sentinel.once('exit', resolve);
        this.sentinel.kill('SIGKILL');
      });
    }
    await Promise.all(this.servers.map((server) => server.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ask(...command: string[]): Promise<unknown[]> {
    return redisCommand(this.sentinelPort, command) as Promise<unknown[]>;
  }
}

/** `master` or `slave`, as the server on `port` sees itself. */
async function role(port: number): Promise<string> {
  const [name] = (await redisCommand(port, ['ROLE'])) as string[];
  return name;
}
