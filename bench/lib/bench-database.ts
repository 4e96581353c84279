import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

/** The server bench databases are created on (trust auth on loopback, as in CI). */
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** One PostgreSQL database of a bench run, made empty and dropped at the end. */
export interface BenchDatabase {
  name: string;
  url: string;
  /** A pool on this database, for scenarios that read or write rows directly. */
  pool(max?: number): Pool;
  drop(): Promise<void>;
}

/** A fresh database `raci_bench_<random>`; the engine migrates it at its first start. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `raci_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pools: Pool[] = [];
  return {
    name,
    url: url.toString(),
    pool: (max = 10) => {
      const pool = new Pool({ connectionString: url.toString(), max });
      pools.push(pool);
      return pool;
    },
    drop: async () => {
      await Promise.all(pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
