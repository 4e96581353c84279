import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { loadCatalog } from '@app/catalog';
import { AppConfig, QueueName } from '@app/core';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { deleteRedisKeys } from './redis-keys';
import { createTestDatabase, TestDatabase } from './test-database';

/** The bootstrap provider admin's token (ADMIN_TOKEN) of every test app. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Bearer token of the bootstrap provider admin: `Authorization: Bearer ${t.adminToken}`. */
  adminToken: string;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
  /**
   * Where the sign-in link last asked for this address can be read (its path), for an API that runs
   * in another process; a test app's own link service makes it otherwise (see helpers/sign-in.ts).
   */
  signInLink?(email: string): Promise<string>;
}

export interface TestAppOptions {
  /** Extra environment for this app (SMTP_URL, MAIL_DIR, …). */
  env?: Record<string, string>;
  /** Run the worker's processors in the same process, as `npm start` does. */
  withWorker?: boolean;
  /**
   * Run on this app's database and Redis prefix, as a second process of one deployment does;
   * closing this app leaves them to their owner.
   */
  sharing?: TestApp;
}

/**
 * The API exactly as `main.ts` builds it, on a fresh database and its own Redis key prefix, so
 * test files never share rows or jobs.
 */
export async function createTestApp({
  env = {},
  withWorker = false,
  sharing,
}: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = sharing ? sharedWith(sharing) : await createTestDatabase();
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: sharing?.config.env.QUEUE_PREFIX ?? `raci-test-${randomBytes(4).toString('hex')}`,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    // A free port of its own for each app's metrics listener.
    METRICS_PORT: '0',
    ...database.env,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule.forRoot({ config, catalog: loadCatalog(config.env.RACI_DIR), withWorker })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttpApp(app);
  await app.init();
  return {
    app,
    config,
    adminToken: config.env.ADMIN_TOKEN ?? '',
    http: app.getHttpServer(),
    queue: (name) => app.get<Queue>(getQueueToken(name)),
    close: async () => {
      await app.close();
      if (sharing) return;
      await database.drop();
      await deleteRedisKeys(config.env.QUEUE_PREFIX, config.env.REDIS_URL);
    },
  };
}

/** Another app's database, which that app drops. */
function sharedWith(owner: TestApp): TestDatabase {
  const { DATABASE_URL, SQLITE_PATH } = owner.config.env;
  return {
    env: DATABASE_URL ? { DATABASE_URL } : { SQLITE_PATH },
    drop: () => Promise.resolve(),
  };
}
