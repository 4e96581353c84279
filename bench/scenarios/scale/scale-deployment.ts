import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Catalog } from '@app/catalog';
import { EngineProcess } from '../../../test/helpers/engine-process';
import { createScratchDatabase, ScratchDatabase } from '../../../test/helpers/scratch-database';
import { deleteRedisKeys } from '../../../test/helpers/redis-keys';
import { READY_TIMEOUT_MS, REDIS_URL } from '../../lib/bench-engine';
import { createScaleCast, ScaleCast } from './scale-cast';
import { ScalePreload } from './scale-preload';
import { makeSigningKey } from '@app/core';

/** What fills a deployment's database with requests: temporary tables first, then the rows. */
export interface Preload {
  prepare(): Promise<unknown>;
  growTo(total: number): Promise<number>;
}

export type PreloadFactory = (db: Client, catalog: Catalog, cast: ScaleCast) => Preload;

/**
 * One size of the scenario: its own database (schema by the engine's migrations), its own built
 * API process with the relay off, so nothing but the measured reads runs, its cast and its
 * preloaded requests. Sizes live side by side so their measurements can alternate.
 */
export class ScaleDeployment {
  database?: ScratchDatabase;
  private readonly prefix = `bench-scale-${randomBytes(4).toString('hex')}`;
  private readonly adminToken = randomBytes(32).toString('base64url');
  /** The deployment's LINK_SECRET, with which its sign-in links are made. */
  readonly linkSecret = randomBytes(32).toString('base64url');
  private db?: Client;
  private engine?: EngineProcess;
  cast!: ScaleCast;

  constructor(
    readonly label: string,
    readonly total: number,
    private readonly preloadOf: PreloadFactory = (db, catalog, cast) =>
      new ScalePreload(db, catalog, cast),
  ) {}

  get url(): string {
    return this.engine!.url;
  }

  /** Creates the database, starts the API, creates the cast; returns the seconds the preload took. */
  async start(catalog: Catalog, tenants: number): Promise<number> {
    this.database = await createScratchDatabase('raci_bench_scale');
    this.engine = await EngineProcess.start({
      role: 'api',
      readyTimeoutMs: READY_TIMEOUT_MS,
      env: {
        DATABASE_URL: this.database.url,
        REDIS_URL,
        QUEUE_PREFIX: this.prefix,
        ADMIN_TOKEN: this.adminToken,
        LINK_SECRET: this.linkSecret,
        SECRETS_KEY: randomBytes(32).toString('base64'),
        AUDIT_SIGNING_KEY: makeSigningKey(),
        AUDIT_KEY: randomBytes(32).toString('base64url'),
        RELAY_ENABLED: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    this.db = new Client({ connectionString: this.database.url });
    await this.db.connect();
    this.cast = await createScaleCast(this.engine.url, this.adminToken, tenants);
    const preload = this.preloadOf(this.db, catalog, this.cast);
    await preload.prepare();
    const startedAt = Date.now();
    await preload.growTo(this.total);
    return (Date.now() - startedAt) / 1000;
  }

  /** Rows of one query on the deployment's database. */
  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db!.query<T>(sql, params)).rows;
  }

  /** Stops the API, drops the database and deletes the queue keys, whatever state start reached. */
  async stop(): Promise<void> {
    await this.db?.end().catch(() => undefined);
    await this.engine?.stop();
    await this.database?.drop();
    await deleteRedisKeys(this.prefix, REDIS_URL);
  }
}
