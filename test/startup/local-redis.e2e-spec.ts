import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import {
  describeEmbedded,
  embeddedEnv,
  keptAdminToken,
  startToExit,
  startupLines,
} from '../helpers/embedded-engine';
import { EngineProcess } from '../helpers/engine-process';
import { freePort } from '../helpers/throwaway-redis';
import { waitFor } from '../helpers/wait-for';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The embedded default when no Redis answers: it starts a `redis-server` of its own under `var/redis`
 * (daemonized, append-only) and works; a later start reuses it. Never on the machine's 6379: REDIS_URL
 * points at a free port on 127.0.0.1, where the engine must start its own.
 */
describeEmbedded('a local Redis for the embedded default', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let port: number;
  let engine: EngineProcess;
  /** The pid of the redis-server the engine started, read once from its pid file. */
  let redisPid = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raci-local-redis-'));
    port = await freePort();
    engine = await EngineProcess.start({
      role: 'all',
      cwd: dir,
      env: { ...embeddedEnv('raci'), REDIS_URL: `redis://127.0.0.1:${port}` },
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.stop();
    if (redisPid && alive(redisPid)) {
      process.kill(redisPid, 'SIGTERM');
      await waitFor(() => !alive(redisPid), 'the local redis-server to stop', {
        timeoutMs: 10_000,
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts redis-server under var/redis, says so in one line, and works on it', async () => {
    const pidFile = join(dir, 'var', 'redis', 'redis.pid');
    redisPid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(alive(redisPid)).toBe(true);
    expect(startupLines(engine.logs)[0]).toBe(
      `raci-engine: Redis did not answer on 127.0.0.1:${port}, so a local redis-server was started ` +
        'there (data in var/redis/, append-only; pid in var/redis/redis.pid); later starts reuse it',
    );

    const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
    try {
      await redis.connect();
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual([
        'maxmemory-policy',
        'noeviction',
      ]);
      expect(await redis.config('GET', 'dir')).toEqual(['dir', join(dir, 'var', 'redis')]);
    } finally {
      redis.disconnect();
    }
    expect(existsSync(join(dir, 'var', 'redis', 'appendonlydir'))).toBe(true);

    const health = await fetch(`${engine.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });
    const created = await fetch(`${engine.url}/v1/organizations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${keptAdminToken(dir)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'Globex',
        subscription: { plan: 'on-request', onDemand: false },
        contactEmails: ['cloud@globex.example'],
      }),
    });
    expect(created.status).toBe(201);
  });

  it('a later start finds it running and reuses it, starting no other', async () => {
    const firstRun = engine.logs.length;
    await engine.stop();
    await engine.start();
    const lines = startupLines(engine.logs.slice(firstRun));
    expect(lines.filter((line) => line.includes('redis-server'))).toEqual([]);
    expect(Number(readFileSync(join(dir, 'var', 'redis', 'redis.pid'), 'utf8'))).toBe(redisPid);
    expect((await fetch(`${engine.url}/health`)).status).toBe(200);
  });

  it('without redis-server on the PATH, stops with the one line that says how to get one', async () => {
    const bare = join(dir, 'no-redis-bin');
    mkdirSync(bare);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const otherPort = await freePort();
    const exit = await startToExit(
      { ...embeddedEnv('raci'), PATH: bare, REDIS_URL: `redis://127.0.0.1:${otherPort}` },
      { cwd: elsewhere },
    );
    expect(exit.code).toBe(1);
    expect(exit.stderr).toEqual([
      expect.stringMatching(
        new RegExp(
          `^raci-engine: Redis is not reachable at redis://127\\.0\\.0\\.1:${otherPort} \\(.*\\), ` +
            'and redis-server is not installed to start one: install Redis ' +
            '\\(`apt install redis-server`, `brew install redis`\\) and start again, or run ' +
            '`docker compose up -d redis`, or set REDIS_URL\\.$',
        ),
      ),
    ]);
    expect(existsSync(join(elsewhere, 'var', 'secrets'))).toBe(false);
  });
});
