import { Injectable, Logger } from '@nestjs/common';
import { basename } from 'node:path';
import { isUniqueViolation, TransactionRunner } from '@app/core';
import { Catalog } from '../catalog';
import { CatalogProblem, CatalogValidationError } from '../loader/catalog-validation.error';
import { readCatalogFiles } from '../loader/catalog-loader';
import { catalogHash } from './catalog-hash';
import { CatalogVersion, DEPLOYMENT } from './catalog-version.entity';
import { CatalogVersionsService, tablesOfRow } from './catalog-versions.service';
import { importsFiles } from './deployment-import';

/**
 * At start: stores the matrix files as a new active version made by "deployment" when they
 * changed (the first start stores version 1), then makes the catalog follow the active version.
 * Processes starting together serialize on the versions lock: one of them imports.
 */
@Injectable()
export class DeploymentImportService {
  private readonly logger = new Logger(DeploymentImportService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly versions: CatalogVersionsService,
  ) {}

  /** Imports `directory` if it changed and turns `catalog` (read from it) to the active version. */
  async start(catalog: Catalog, directory: string): Promise<Catalog> {
    const files = filesOf(directory);
    const hash = catalogHash(files);
    const active = await this.importOnce(files, hash).catch((error: unknown) => {
      // SQLite has no advisory lock: a process that numbered the same version at the same time
      // lost the race, and finds the winner's version on a second look.
      if (!isUniqueViolation(error)) throw error;
      return this.importOnce(files, hash);
    });
    if (active) {
      catalog.activate(
        active.hash === hash ? catalog.current().numbered(active.version) : tablesOfRow(active),
      );
    }
    catalog.readVersionsFrom((version) => this.versions.tablesOf(version));
    return catalog;
  }

  /** Stores the files if they changed, under the versions lock; answers the active version. */
  private importOnce(files: Record<string, string>, hash: string): Promise<CatalogVersion | null> {
    return this.transactions.run(async (manager) => {
      const created = await this.versions.insertIf(manager, files, async () => {
        const [lastDeployment, current] = await Promise.all([
          manager.findOne(CatalogVersion, {
            where: { createdBy: DEPLOYMENT },
            order: { version: 'DESC' },
          }),
          this.versions.active(manager),
        ]);
        return importsFiles(hash, { lastDeployment: lastDeployment?.hash, active: current?.hash });
      });
      if (created) {
        await this.versions.makeActive(manager, created, new Date());
        this.logger.log(`the matrix files are stored as catalog version ${created.version}`);
      }
      return await this.versions.active(manager);
    });
  }
}

/** The matrix folder's files as stored: product (the file's name) → YAML text. */
export function filesOf(directory: string): Record<string, string> {
  const problems: CatalogProblem[] = [];
  const texts = readCatalogFiles(directory, problems);
  if (problems.length > 0) throw new CatalogValidationError(problems);
  return Object.fromEntries(
    texts.map(({ path, text }) => [basename(path).replace(/\.ya?ml$/, ''), text]),
  );
}
