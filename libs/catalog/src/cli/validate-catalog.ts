import { resolve } from 'node:path';
import { loadCatalog } from '../loader/catalog-loader';
import { CatalogValidationError, formatProblem } from '../loader/catalog-validation.error';

/** `npm run catalog:validate [dir]`: checks the matrix files without starting anything. */
function main(directory: string): number {
  try {
    const catalog = loadCatalog(directory);
    const count = catalog.tables.reduce((sum, table) => sum + table.actions.length, 0);
    process.stdout.write(
      `${directory}: valid (${catalog.tables.length} tables, ${count} rows, ${catalog.actions().length} effective actions)\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CatalogValidationError)) throw error;
    error.problems.forEach((problem) => process.stderr.write(`${formatProblem(problem)}\n`));
    process.stderr.write(`${error.problems.length} problem(s) found\n`);
    return 1;
  }
}

process.exitCode = main(resolve(process.argv[2] ?? process.env.RACI_DIR ?? 'config/raci'));
