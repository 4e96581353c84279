import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module, Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CatalogModule, loadCatalog } from '@app/catalog';
import { AppConfig, JobQueue } from '@app/core';
import { ConfigModule } from '@app/core/config/config.module';
import { DatabaseModule } from '@app/core/database/database.module';
import { NotificationsWorkerModule } from '@app/notifications';
import { RequestsModule, RequestsWorkerModule } from '@app/requests';
import { JobRecorder } from './job-queue.recorder';
import { createMediumCast, MediumCast } from './medium-cast.factory';

const RACI_DIR = join(__dirname, '..', '..', 'config', 'raci');
const ADMIN_TOKEN = 'medium-admin-token-0123456789abcdef012345';

/** What stands in for QueueModule, which needs Redis: the global `JobQueue` is a recorder. */
@Global()
@Module({
  providers: [JobRecorder, { provide: JobQueue, useExisting: JobRecorder }],
  exports: [JobRecorder, JobQueue],
})
class RecordedQueuesModule {}

/**
 * The medium tier: the engine's real modules, services and migrations on SQLite in memory, wired
 * by a Nest testing module, with no HTTP and no Redis. Jobs are recorded, not run; the outbox relay
 * runs only when a test calls it. Seeds the provider, one on-request customer and their people.
 */
export class MediumApp {
  private constructor(
    readonly module: TestingModule,
    readonly recorder: JobRecorder,
    readonly cast: MediumCast,
    private readonly mailDir: string,
  ) {}

  static async start(): Promise<MediumApp> {
    const mailDir = mkdtempSync(join(tmpdir(), 'raci-medium-mail-'));
    const config = AppConfig.fromEnv({
      NODE_ENV: 'test',
      SQLITE_PATH: ':memory:',
      RELAY_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      MAIL_DIR: mailDir,
      RACI_DIR,
      ADMIN_TOKEN,
      LINK_SECRET: 'medium-link-secret-0123456789abcdef0123',
      SECRETS_KEY: 'ed'.repeat(32),
      AUDIT_KEY: 'medium-audit-key-0123456789abcdef012345',
      PUBLIC_URL: 'https://raci.test',
    });
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
        CatalogModule.forRoot(loadCatalog(RACI_DIR)),
        RecordedQueuesModule,
        RequestsModule,
        RequestsWorkerModule,
        NotificationsWorkerModule,
      ],
    }).compile();
    await module.init();
    const cast = await createMediumCast(module, ADMIN_TOKEN);
    return new MediumApp(module, module.get(JobRecorder), cast, mailDir);
  }

  get<T>(type: Type<T>): T {
    return this.module.get(type, { strict: false });
  }

  get dataSource(): DataSource {
    return this.module.get(DataSource);
  }

  /** Rows in every table of the schema, by table name. */
  async rowCounts(): Promise<Record<string, number>> {
    const tables: { name: string }[] = await this.dataSource.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    );
    const counts = await Promise.all(
      tables.map(async ({ name }) => {
        const [row] = await this.dataSource.query(`SELECT count(*) AS n FROM "${name}"`);
        return [name, Number(row.n)] as const;
      }),
    );
    return Object.fromEntries(counts);
  }

  async close(): Promise<void> {
    await this.module.close();
    rmSync(this.mailDir, { recursive: true, force: true });
  }
}
