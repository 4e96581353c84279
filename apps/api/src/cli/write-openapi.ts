import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadCatalog } from '@app/catalog';
import { AppConfig } from '@app/core';
import { ApiModule } from '../api.module';
import { configureHttpApp } from '../http-app';
import { errorsWithoutCodes } from '../openapi/error-responses';
import { openApiDocument } from '../openapi/openapi-document';

/**
 * `npm run openapi:write -- <file>`: the OpenAPI document exactly as `/docs/openapi.json` serves
 * it, written to a file (stdout without one) for the linters and the generated client. It builds
 * the API as `main.ts` does, on a throwaway SQLite file, and needs only Redis (`REDIS_URL`). It
 * fails if an error response names no code.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), 'raci-openapi-'));
  try {
    const config = AppConfig.fromEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      REDIS_URL: process.env.REDIS_URL,
      PUBLIC_URL: process.env.PUBLIC_URL,
      PORT: process.env.PORT,
      QUEUE_PREFIX: `raci-openapi-${process.pid}`,
      SQLITE_PATH: join(dir, 'raci.sqlite'),
    });
    const app = await NestFactory.create<NestExpressApplication>(
      ApiModule.forRoot({ config, catalog: loadCatalog(config.env.RACI_DIR), withWorker: false }),
      { bodyParser: false, bufferLogs: true, abortOnError: false },
    );
    configureHttpApp(app);
    const document = openApiDocument(app);
    await app.close();
    const uncoded = errorsWithoutCodes(document);
    if (uncoded.length > 0) {
      throw new Error(`error responses that name no code (add @ApiErrors): ${uncoded.join(', ')}`);
    }
    const json = `${JSON.stringify(document, null, 2)}\n`;
    if (out) writeFileSync(out, json);
    else process.stdout.write(json);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `raci-engine: openapi: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
