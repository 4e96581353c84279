import { CatalogTables } from '../catalog-tables';
import { parseCatalog } from '../loader/catalog-loader';
import { CatalogProblem, CatalogValidationError } from '../loader/catalog-validation.error';
import { CatalogDiff, diffCatalogs } from './catalog-diff';
import { fileTexts } from './catalog-versions.service';
import { CatalogVersion } from './catalog-version.entity';

/** What a proposed file would do: its problems, each with its line, or the rows it changes. */
export type CatalogChangeCheck =
  { valid: false; problems: CatalogProblem[] } | { valid: true; diff: CatalogDiff };

/**
 * Checks one product's new file against the active version, as the proposal will (the same
 * validator as `catalog:validate`), storing nothing: the editor's validation as one types.
 */
export function checkCatalogChange(
  active: Pick<CatalogVersion, 'files' | 'version'>,
  /** The active version's tables, as the process already holds them (never parsed again here). */
  activeTables: CatalogTables,
  product: string,
  yaml: string,
): CatalogChangeCheck {
  const files = { ...active.files, [product]: yaml };
  let proposed: CatalogTables;
  try {
    proposed = parseCatalog(fileTexts(files), active.version + 1);
  } catch (error) {
    if (error instanceof CatalogValidationError) return { valid: false, problems: error.problems };
    throw error;
  }
  return { valid: true, diff: diffCatalogs(activeTables, proposed) };
}
