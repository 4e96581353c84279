import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, dataSourceOptions } from '@app/core';
import { writeCatalogFiles } from '../versions/catalog-files.writer';
import { CatalogVersion, CatalogVersionState } from '../versions/catalog-version.entity';

/**
 * `npm run catalog:export [dir] [--version N]`: writes the active catalog version (or version N)
 * from the engine's database back to the matrix folder (RACI_DIR, `config/raci` by default), so
 * that a change approved in the engine can be reviewed and committed.
 */
async function main(args: string[]): Promise<number> {
  const at = args.indexOf('--version');
  const version = at >= 0 ? Number(args[at + 1]) : undefined;
  const rest = at >= 0 ? args.filter((_, index) => index !== at && index !== at + 1) : args;
  const config = AppConfig.fromEnv();
  const directory = resolve(rest[0] ?? config.env.RACI_DIR);
  const dataSource = new DataSource({
    ...dataSourceOptions(config),
    entities: [CatalogVersion],
    migrationsRun: false,
  });
  await dataSource.initialize();
  try {
    const row = await dataSource
      .getRepository(CatalogVersion)
      .findOneBy(version === undefined ? { state: CatalogVersionState.Active } : { version });
    if (!row) {
      process.stderr.write(`no catalog version ${version ?? 'is active'} in the database\n`);
      return 1;
    }
    const names = writeCatalogFiles(directory, row.files);
    process.stdout.write(
      `catalog version ${row.version} (${row.state}) written to ${directory}: ${names.length} files\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`raci-engine: catalog:export: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
