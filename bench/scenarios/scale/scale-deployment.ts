import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { Catalog } from '@app/catalog';
import { EngineProcess } from '../../../test/helpers/engine-process';
import { createScaleCast, ScaleCast } from './scale-cast';
import { ScalePreload } from './scale-preload';

const POSTGRES = 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * One size of the scenario: its own database (schema by the engine's migrations), its own built
 * API process with the relay off, so nothing but the measured reads runs, its cast and its
 * preloaded requests. Sizes live side by side so their measurements can alternate.
 */
export class ScaleDeployment {
  readonly database = `raci_bench_scale_${randomBytes(6).toString('hex')}`;
  private readonly prefix = `bench-scale-${randomBytes(4).toString('hex')}`;
  private readonly adminToken = randomBytes(32).toString('base64url');
  private readonly db = new Client({ connectionString: `${POSTGRES}/${this.database}` });
  private engine?: EngineProcess;
  private created = false;
  cast!: ScaleCast;

  constructor(
    readonly label: string,
    readonly total: number,
  ) {}

  get url(): string {
    return this.engine!.url;
  }

  /** Creates the database, starts the API, creates the cast; returns the seconds the preload took. */
  async start(catalog: Catalog, tenants: number): Promise<number> {
    await adminQuery(`CREATE DATABASE ${this.database}`);
    this.created = true;
    this.engine = await EngineProcess.start({
      role: 'api',
      env: {
        DATABASE_URL: `${POSTGRES}/${this.database}`,
        REDIS_URL,
        QUEUE_PREFIX: this.prefix,
        ADMIN_TOKEN: this.adminToken,
        RELAY_ENABLED: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    await this.db.connect();
    this.cast = await createScaleCast(this.engine.url, this.adminToken, tenants);
    const preload = new ScalePreload(this.db, catalog, this.cast);
    await preload.prepare();
    const startedAt = Date.now();
    await preload.growTo(this.total);
    return (Date.now() - startedAt) / 1000;
  }

  /** Stops the API, drops the database and deletes the queue keys, whatever state start reached. */
  async stop(): Promise<void> {
    await this.db.end().catch(() => undefined);
    await this.engine?.stop();
    if (this.created) await adminQuery(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
    await deleteRedisKeys(this.prefix);
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
