import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import request from 'supertest';
import { createTestApp } from '../helpers/create-app';

/**
 * Writes the OpenAPI document the engine serves at `/docs/openapi.json` to the file given as the
 * first argument. The engine is built as the e2e tests build it (test/helpers/create-app.ts), on a
 * scratch database of `E2E_DRIVER` (PostgreSQL by default) and the Redis of `TEST_REDIS_URL`, so the
 * document is the live one, not a copy. `npm run contract:generate` makes the typed client from it.
 */
async function main(target: string | undefined): Promise<void> {
  if (!target) throw new Error('usage: write-openapi-document.ts <file.json>');
  const t = await createTestApp();
  try {
    const res = await request(t.http).get('/docs/openapi.json');
    if (res.status !== 200) throw new Error(`GET /docs/openapi.json answered ${res.status}`);
    mkdirSync(dirname(resolve(target)), { recursive: true });
    writeFileSync(target, `${JSON.stringify(res.body, null, 2)}\n`);
  } finally {
    await t.close();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
