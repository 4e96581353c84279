import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis, { RedisOptions } from 'ioredis';
import { waitFor } from './wait-for';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * One command to the server on `port`, on a connection of its own that is never retried: a server
 * not ready, or not speaking as `options` say (TLS or not), answers with an error.
 */
export async function redisCommand(
  port: number,
  [name, ...args]: string[],
  options: RedisOptions = {},
): Promise<unknown> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    retryStrategy: () => null,
    ...options,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(name, ...args);
  } finally {
    client.disconnect();
  }
}

/** A throwaway `redis-server` on `port`: loopback only, nothing on disk, no key ever evicted. */
export function redisServerArgs(port: number): string[] {
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--maxmemory-policy',
    'noeviction',
  ];
}

/** A redis-server of a test's own, on a free port, that it may stop and start at will. */
export class ThrowawayRedis {
  private process?: ChildProcess;

  private constructor(
    readonly port: number,
    /** Extra redis-server arguments, after the defaults (a later one wins), e.g. AOF persistence. */
    private readonly extraArgs: string[] = [],
  ) {}

  static async start(extraArgs: string[] = []): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await freePort(), extraArgs);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server unless it is already running. */
  async start(): Promise<void> {
    if (this.running) return;
    this.process = spawn('redis-server', [...redisServerArgs(this.port), ...this.extraArgs], {
      stdio: 'ignore',
    });
    await waitFor(() => this.ping(), `redis-server on port ${this.port}`);
  }

  get running(): boolean {
    return (
      this.process !== undefined &&
      this.process.exitCode === null &&
      this.process.signalCode === null
    );
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || !this.running) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }

  private async ping(): Promise<boolean> {
    const client = new Redis({
      port: this.port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
