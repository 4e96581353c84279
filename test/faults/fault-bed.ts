import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cast, createCast } from '../factories/cast.factory';
import { api } from '../helpers/api.client';
import { TEST_ADMIN_TOKEN, TestApp } from '../helpers/create-app';
import { EngineProcess, EngineRole } from '../helpers/engine-process';
import { signInLinkFromDatabase } from '../helpers/sign-in-link-of';
import { SmtpListener } from '../helpers/smtp-listener';
import { ThrowawayPostgres } from '../helpers/throwaway-postgres';
import { ThrowawayRedis } from '../helpers/throwaway-redis';
import { makeSigningKey } from '@app/core';

/** A request whose every event owes mail: provider approvers, the customer's contact, the submitter. */
export const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };

export interface FaultBedOptions {
  /** Extra redis-server arguments (e.g. an eviction policy). */
  redisArgs?: string[];
  /** Environment shared by every engine process of the bed. */
  env?: Record<string, string>;
  /** A streaming replica of the bed's PostgreSQL, given to every process as its read replica. */
  replica?: boolean;
}

/**
 * Throwaway PostgreSQL, Redis (append-only, fsync on every write, so a killed Redis keeps every
 * acknowledged job, as production must) and SMTP listener, and the engine processes started on
 * them: everything a fault test may kill without touching shared services.
 */
export class FaultBed {
  readonly processes: EngineProcess[] = [];
  /** The read replica, when the bed was started with one. */
  replica: ThrowawayPostgres | null = null;
  /** The checkpoint signing key every process of the bed shares. */
  private readonly auditSigningKey = makeSigningKey();

  private constructor(
    readonly postgres: ThrowawayPostgres,
    readonly redis: ThrowawayRedis,
    readonly smtp: SmtpListener,
    private readonly redisDir: string,
    private readonly extraEnv: Record<string, string>,
  ) {}

  static async start(options: FaultBedOptions = {}): Promise<FaultBed> {
    const redisDir = mkdtempSync(join(tmpdir(), 'raci-redis-'));
    const redis = await ThrowawayRedis.start([
      '--dir',
      redisDir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      ...(options.redisArgs ?? []),
    ]);
    const postgres = await ThrowawayPostgres.start();
    const smtp = await new SmtpListener().start();
    const bed = new FaultBed(postgres, redis, smtp, redisDir, options.env ?? {});
    if (options.replica) bed.replica = await ThrowawayPostgres.standbyOf(postgres);
    return bed;
  }

  /** What every engine process of the bed shares, as a deployment's processes must. */
  get env(): Record<string, string> {
    return {
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redis.url,
      SMTP_URL: this.smtp.url,
      QUEUE_PREFIX: 'raci-faults',
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      LINK_SECRET: 'fault-bed-link-secret-0123456789abcdef',
      SECRETS_KEY: 'fa'.repeat(32),
      AUDIT_SIGNING_KEY: this.auditSigningKey,
      AUDIT_KEY: 'fault-bed-audit-key-0123456789abcdef01',
      RELAY_POLL_MS: '100',
      ...(this.replica ? { DATABASE_REPLICA_URL: this.replica.url } : {}),
      ...this.extraEnv,
    };
  }

  async engine(role: EngineRole, env: Record<string, string> = {}): Promise<EngineProcess> {
    const engine = await EngineProcess.start({ role, env: { ...this.env, ...env } });
    this.processes.push(engine);
    return engine;
  }

  /**
   * The cast (organizations, users, tokens), created through an API process; its people sign in
   * with the links the engine makes, read here as the worker would mail them.
   */
  castThrough(engine: EngineProcess): Promise<Cast> {
    const signInLink = signInLinkFromDatabase(
      (sql, params) => this.postgres.query<{ id: string }>(sql, params),
      this.env.LINK_SECRET,
    );
    return createCast({ ...remote(engine), signInLink });
  }

  /** Every engine process that ended without being asked to, with its last log lines. */
  crashes(): string[] {
    return this.processes
      .filter((engine) => engine.crashed)
      .map((engine) => `${engine.role} crashed:\n${engine.logs.slice(-12).join('\n')}`);
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((engine) => engine.stop(5_000)));
    await this.redis.stop();
    await this.replica?.destroy();
    await this.postgres.destroy();
    await this.smtp.stop();
    rmSync(this.redisDir, { recursive: true, force: true });
  }
}

/** An API process seen as a test app by the factories, which only need its URL and admin token. */
export function remote(engine: EngineProcess): TestApp {
  return { http: engine.url, adminToken: TEST_ADMIN_TOKEN } as unknown as TestApp;
}

/** Submissions in flight at once: load, without flooding a 2-core machine. */
const SUBMIT_CONCURRENCY = 4;

/**
 * Submits `count` requests, a few at a time, through the API processes in turn; fails on any
 * answer but 201, and returns the ids.
 */
export async function submitMany(
  apis: EngineProcess[],
  token: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const submitter = async () => {
    for (let n = next++; n < count; n = next++) {
      const res = await api(remote(apis[n % apis.length]), token).post('/v1/requests', REPLICA);
      if (res.status !== 201) throw new Error(`submission ${n}: ${res.status} ${res.text}`);
      ids.push((res.body as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: SUBMIT_CONCURRENCY }, submitter));
  return ids;
}
