import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './throwaway-redis';
import { waitFor } from './wait-for';

const POSTGRES_OS_USER = 'postgres';

/** The newest installed PostgreSQL's binaries (Debian lays them out per major version). */
function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** Runs a PostgreSQL binary as the postgres OS user: the server refuses to run as root. */
function asPostgres(binary: string, args: string[]): void {
  const command = join(binDir(), binary);
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', POSTGRES_OS_USER, '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${binary} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  }
}

/** A folder of the postgres OS user's own, as initdb and pg_basebackup require. */
function clusterFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'raci-pg-'));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', POSTGRES_OS_USER], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', POSTGRES_OS_USER], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  return dir;
}

/**
 * A PostgreSQL cluster of a test's own (initdb in a temp folder, on a free port), that it may stop,
 * restart and kill without touching the shared server. Trust auth, no fsync: it is thrown away.
 * It can serve streaming replication (`standbyOf` makes a hot standby of it).
 */
export class ThrowawayPostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<ThrowawayPostgres> {
    const cluster = new ThrowawayPostgres(clusterFolder(), await freePort());
    asPostgres('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    appendFileSync(
      join(cluster.dataDir, 'pg_hba.conf'),
      'host replication all 127.0.0.1/32 trust\n',
    );
    await cluster.start();
    return cluster;
  }

  /**
   * A hot standby of `primary` on its own free port: a `pg_basebackup` of it (`-R`: it follows
   * the primary by streaming replication), started. Read-only; `pauseReplay` makes it lag.
   */
  static async standbyOf(primary: ThrowawayPostgres): Promise<ThrowawayPostgres> {
    const standby = new ThrowawayPostgres(clusterFolder(), await freePort());
    asPostgres('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
      ...['-D', standby.dataDir, '-R', '-X', 'stream'],
    ]);
    await standby.start();
    return standby;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=100',
      // Streaming replication: what a primary serves, and a standby answers reads meanwhile.
      '-c wal_level=replica',
      '-c max_wal_senders=5',
      '-c hot_standby=on',
    ].join(' ');
    asPostgres('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dir, 'log'), 'start']);
    await waitFor(() => this.ping(), `PostgreSQL on port ${this.port}`, { intervalMs: 100 });
  }

  /** `fast` ends sessions cleanly; `immediate` is a crash (recovery runs at the next start). */
  stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    asPostgres('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
    return Promise.resolve();
  }

  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.stop(mode);
    await this.start();
  }

  /** Stops the server if it runs and removes its folder. */
  destroy(): Promise<void> {
    try {
      asPostgres('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
    return Promise.resolve();
  }

  /** A standby stops applying what the primary sends (it keeps receiving it): it lags, on demand. */
  async pauseReplay(): Promise<void> {
    await this.query('SELECT pg_wal_replay_pause()');
    await waitFor(
      async () =>
        (await this.query('SELECT pg_get_wal_replay_pause_state() AS s'))[0].s === 'paused',
      `replay paused on port ${this.port}`,
      { intervalMs: 50 },
    );
  }

  async resumeReplay(): Promise<void> {
    await this.query('SELECT pg_wal_replay_resume()');
  }

  /** Waits until a standby has replayed everything `primary` had written when this was called. */
  async catchUpWith(primary: ThrowawayPostgres): Promise<void> {
    const [{ lsn }] = await primary.query<{ lsn: string }>(
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    await waitFor(
      async () =>
        (await this.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]))[0].ok ===
        true,
      `standby on port ${this.port} replaying up to ${lsn}`,
      { intervalMs: 50 },
    );
  }

  /** Runs one statement on the cluster and returns its rows. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  private async ping(): Promise<boolean> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
