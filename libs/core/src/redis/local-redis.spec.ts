import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ensureRedis, LocalRedisError, localRedisPort, redisServerArgs } from './local-redis';
import { RedisUnreachableError } from './redis-connection';

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('a local Redis', () => {
  describe('localRedisPort: where the engine may start one', () => {
    it.each([
      [{}, 6379],
      [{ REDIS_URL: 'redis://127.0.0.1:6390' }, 6390],
      [{ REDIS_URL: 'redis://localhost:6391/2' }, 6391],
    ])('in the embedded default, on this machine without credentials: %j', (env, port) => {
      expect(localRedisPort(AppConfig.fromEnv(env))).toBe(port);
    });

    it.each([
      { DATABASE_URL: 'postgres://db/raci' },
      { NODE_ENV: 'production' },
      { REDIS_URL: 'redis://cache.internal:6379' },
      { REDIS_URL: 'redis://:secret@127.0.0.1:6379' },
      { REDIS_URL: 'rediss://127.0.0.1:6379' },
      { REDIS_URL: 'redis+sentinel://127.0.0.1:26379/raci' },
    ])('never elsewhere: %j', (env) => {
      expect(localRedisPort(AppConfig.fromEnv(env))).toBeUndefined();
    });
  });

  it('runs redis-server fit for BullMQ, on loopback, append-only, daemonized with its pid file', () => {
    const args = redisServerArgs(6390, '/srv/raci/var/redis').join(' ');
    expect(args).toContain('--port 6390 --bind 127.0.0.1');
    expect(args).toContain('--dir /srv/raci/var/redis');
    expect(args).toContain('--appendonly yes');
    expect(args).toContain('--maxmemory-policy noeviction');
    expect(args).toContain('--daemonize yes');
    expect(args).toContain('--pidfile /srv/raci/var/redis/redis.pid');
  });

  describe('ensureRedis, when nothing answers', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'raci-local-redis-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('says how to get one when redis-server is not installed', async () => {
      const config = AppConfig.fromEnv({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
      const started = ensureRedis(config, { command: 'no-such-redis-server', dir });
      await expect(started).rejects.toThrow(LocalRedisError);
      await expect(started).rejects.toThrow(
        /is not reachable at .*, and no-such-redis-server is not installed to start one: install Redis/,
      );
    });

    it('starts nothing outside the embedded default, and stops as before', async () => {
      const port = await closedPort();
      const config = AppConfig.fromEnv({
        NODE_ENV: 'production',
        REDIS_URL: `redis://127.0.0.1:${port}`,
      });
      const command = join(dir, 'must-not-run');
      await expect(ensureRedis(config, { command, dir })).rejects.toThrow(RedisUnreachableError);
    });
  });
});
