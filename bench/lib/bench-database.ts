import { Pool } from 'pg';
import { createScratchDatabase, POSTGRES_ADMIN_URL } from '../../test/helpers/scratch-database';

/** The server bench databases are created on (trust auth on loopback, as in CI). */
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? POSTGRES_ADMIN_URL;

/** PostgreSQL's code for a connection ended by an administrator (a forced drop). */
const ADMIN_SHUTDOWN = '57P01';

/** How the bench's own connections name themselves, to tell them from the engine's. */
export const BENCH_APPLICATION_NAME = 'raci-bench';

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
  const database = await createScratchDatabase('raci_bench', ADMIN_URL);
  const pools: Pool[] = [];
  return {
    name: database.name,
    url: database.url,
    pool: (max = 10) => {
      const pool = new Pool({
        connectionString: database.url,
        max,
        application_name: BENCH_APPLICATION_NAME,
      });
      // `end()` answers before its clients' connections are closed, so the drop's `WITH (FORCE)` can
      // still end one: expected then, and not worth a crash; anything else is printed.
      pool.on('error', (error: Error & { code?: string }) => {
        if (error.code !== ADMIN_SHUTDOWN) console.error(`bench database pool: ${error.message}`);
      });
      pools.push(pool);
      return pool;
    },
    drop: async () => {
      await Promise.all(pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
      await database.drop();
    },
  };
}
