import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from './scratch-database';

/** The driver the e2e run uses: `E2E_DRIVER=postgres|sqlite` (postgres by default). */
export const E2E_DRIVER = process.env.E2E_DRIVER === 'sqlite' ? 'sqlite' : 'postgres';

export interface TestDatabase {
  /** Environment variables that point the engine at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file, so files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (E2E_DRIVER === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'raci-e2e-'));
    return {
      env: { SQLITE_PATH: join(dir, 'raci.sqlite') },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const database = await createScratchDatabase('raci_e2e');
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}
