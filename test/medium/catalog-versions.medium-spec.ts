import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  Catalog,
  CatalogVersion,
  CatalogVersionsService,
  CatalogVersionState,
  loadCatalog,
} from '@app/catalog';
import { DeploymentImportService } from '@app/catalog/versions/deployment-import.service';
import { AppConfig, TransactionRunner } from '@app/core';
import { ConfigModule } from '@app/core/config/config.module';
import { DatabaseModule } from '@app/core/database/database.module';

const SEED = join(__dirname, '..', '..', 'config', 'raci');

/** The versions' storage on SQLite, as a start (API or worker) imports the matrix files. */
describe('catalog versions on SQLite', () => {
  let module: TestingModule;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raci-medium-versions-'));
    cpSync(SEED, dir, { recursive: true });
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', SQLITE_PATH: ':memory:', RACI_DIR: dir });
    module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TypeOrmModule.forFeature([CatalogVersion]),
      ],
      providers: [CatalogVersionsService, DeploymentImportService],
    }).compile();
    await module.init();
  });
  afterAll(async () => {
    await module.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One start: the files read, then the import; answers the catalog and the stored versions. */
  const start = async () => {
    const catalog = await module.get(DeploymentImportService).start(loadCatalog(dir), dir);
    const stored = await module.get(CatalogVersionsService).list(undefined, 50);
    return {
      catalog,
      versions: stored.items.map(({ version, state, createdBy }) => ({
        version,
        state,
        createdBy,
      })),
    };
  };

  const change = (from: string, to: string) => {
    const file = join(dir, 'vault.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  };

  it('stores the files as version 1 on the first start, and nothing more on the next', async () => {
    const first = await start();
    expect(first.versions).toEqual([
      { version: 1, state: CatalogVersionState.Active, createdBy: 'deployment' },
    ]);
    expect(first.catalog.version).toBe(1);
    expect((await start()).versions).toHaveLength(1);
  });

  it('stores changed files as a new active version made by deployment', async () => {
    change('title: "Vault"', 'title: "Vault (secrets)"');
    const { catalog, versions } = await start();
    expect(versions).toEqual([
      { version: 2, state: CatalogVersionState.Active, createdBy: 'deployment' },
      { version: 1, state: CatalogVersionState.Superseded, createdBy: 'deployment' },
    ]);
    expect(catalog.version).toBe(2);
    expect(catalog.products().find((p) => p.key === 'vault')?.title).toBe('Vault (secrets)');
    // Version 1 stays readable, from the database.
    const v1 = await catalog.at(1);
    expect(v1.products().find((p) => p.key === 'vault')?.title).toBe('Vault');
  });

  it('does not undo a version approved in the engine with files that predate it', async () => {
    const versions = module.get(CatalogVersionsService);
    const proposed = await versions.propose((await versions.one(1)).files, {
      reason: 'back to the first titles',
      createdBy: '00000000-0000-4000-8000-000000000001',
    });
    await module
      .get(TransactionRunner)
      .run((manager) => versions.makeActive(manager, proposed, new Date()));
    // The folder still holds version 2's files: no new version, and version 3 stays in force.
    const { catalog, versions: stored } = await start();
    expect(stored.map((v) => [v.version, v.state])).toEqual([
      [3, CatalogVersionState.Active],
      [2, CatalogVersionState.Superseded],
      [1, CatalogVersionState.Superseded],
    ]);
    expect(catalog).toBeInstanceOf(Catalog);
    expect(catalog.version).toBe(3);
    expect(catalog.products().find((p) => p.key === 'vault')?.title).toBe('Vault');
  });
});
