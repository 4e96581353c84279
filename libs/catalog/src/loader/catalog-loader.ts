import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Catalog } from '../catalog';
import { CatalogAction, MatrixTable } from '../catalog.types';
import { CatalogFile, catalogFileSchema, GENERIC_PRODUCT } from './catalog-file.schema';
import { CatalogProblem, CatalogValidationError } from './catalog-validation.error';
import { ActionChecker } from './action-checker';
import { YamlLocator } from './yaml-locator';

interface ParsedFile {
  file: string;
  content: CatalogFile;
  locator: YamlLocator;
}

/**
 * Reads every `*.yaml` file of the matrix folder, validates each one and the set as a whole, and
 * returns the catalog. Every problem found is reported at once, with file and line.
 */
export function loadCatalog(directory: string): Catalog {
  const problems: CatalogProblem[] = [];
  const files = listYamlFiles(directory, problems);
  const parsed = files.flatMap((path) => parseFile(path, problems));
  const checker = new ActionChecker(problems);
  const tables = parsed.map(({ file, content, locator }) =>
    checker.checkFile(file, content, locator),
  );
  checkCrossFile(parsed, problems);
  if (problems.length > 0) {
    throw new CatalogValidationError(problems);
  }
  return new Catalog(orderTables(tables), checker.validators);
}

function listYamlFiles(directory: string, problems: CatalogProblem[]): string[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => /\.ya?ml$/.test(name));
  } catch (error) {
    problems.push({
      file: directory,
      line: 0,
      message: `cannot read the folder: ${(error as Error).message}`,
    });
    return [];
  }
  if (names.length === 0) {
    problems.push({ file: directory, line: 0, message: 'no .yaml file found' });
  }
  return names.sort().map((name) => join(directory, name));
}

function parseFile(path: string, problems: CatalogProblem[]): ParsedFile[] {
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), {
    lineCounter: lines,
    prettyErrors: false,
  });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({ file: path, line: lines.linePos(error.pos[0]).line, message: error.message });
    }
    return [];
  }
  const locator = new YamlLocator(document, lines);
  const result = catalogFileSchema.safeParse(document.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.join('.');
      problems.push({
        file: path,
        line: locator.lineOf(issue.path),
        message: `${field || 'file'}: ${issue.message}`,
      });
    }
    return [];
  }
  if (basename(path).replace(/\.ya?ml$/, '') !== result.data.product) {
    problems.push({
      file: path,
      line: locator.lineOf(['product']),
      message: `the file must be named ${result.data.product}.yaml`,
    });
  }
  return [{ file: path, content: result.data, locator }];
}

function checkCrossFile(parsed: ParsedFile[], problems: CatalogProblem[]): void {
  const keys = new Map<string, string>();
  const generic = parsed.find((p) => p.content.product === GENERIC_PRODUCT);
  const genericKeys = new Set(generic?.content.actions.map((a) => a.key));
  if (parsed.length > 0 && !generic) {
    problems.push({ file: 'generic.yaml', line: 0, message: 'the generic matrix is missing' });
  }
  for (const { file, content, locator } of parsed) {
    const overridden = new Set(content.actions.map((a) => a.overrides));
    content.actions.forEach((action, index) => {
      const at = { file, line: locator.lineOf(['actions', index, 'key']), action: action.key };
      const seen = keys.get(action.key);
      if (seen) problems.push({ ...at, message: `duplicate key, first defined in ${seen}` });
      keys.set(action.key, file);
      if (
        action.overrides &&
        (content.product === GENERIC_PRODUCT || !genericKeys.has(action.overrides))
      ) {
        problems.push({
          ...at,
          message: `overrides "${action.overrides}", which is not a generic action`,
        });
      }
      const inheritedTwin = `${GENERIC_PRODUCT}.${slugOf(action.key)}`;
      if (
        content.product !== GENERIC_PRODUCT &&
        genericKeys.has(inheritedTwin) &&
        !overridden.has(inheritedTwin)
      ) {
        problems.push({
          ...at,
          message: `has the key of generic action ${inheritedTwin}; say "overrides: ${inheritedTwin}"`,
        });
      }
    });
  }
}

/** The generic table first, then products in file order. */
function orderTables(tables: MatrixTable[]): MatrixTable[] {
  return [...tables].sort(
    (a, b) => Number(b.product === GENERIC_PRODUCT) - Number(a.product === GENERIC_PRODUCT),
  );
}

export function slugOf(key: string): string {
  return key.slice(key.indexOf('.') + 1);
}

export type { CatalogAction };
