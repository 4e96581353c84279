import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Catalog } from '../catalog';
import { CatalogTables } from '../catalog-tables';
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

/** One matrix file: its path (or name) and its text. */
export interface CatalogFileText {
  path: string;
  text: string;
}

/**
 * Reads every `*.yaml` file of the matrix folder, validates each one and the set as a whole, and
 * returns the catalog. Every problem found is reported at once, with file and line.
 */
export function loadCatalog(directory: string): Catalog {
  return new Catalog(loadCatalogTables(directory));
}

/** The tables of the matrix folder, validated (version 1 unless numbered otherwise). */
export function loadCatalogTables(directory: string): CatalogTables {
  const problems: CatalogProblem[] = [];
  const files = readCatalogFiles(directory, problems);
  if (problems.length > 0) throw new CatalogValidationError(problems);
  return parseCatalog(files);
}

/**
 * Validates matrix files given as text (a folder's, or a stored version's) and returns their
 * tables; throws every problem found at once, with file and line.
 */
export function parseCatalog(files: readonly CatalogFileText[], version = 1): CatalogTables {
  const problems: CatalogProblem[] = [];
  if (files.length === 0) problems.push({ file: '.', line: 0, message: 'no .yaml file found' });
  const parsed = files.flatMap((file) => parseFile(file, problems));
  const checker = new ActionChecker(problems);
  const tables = parsed.map(({ file, content, locator }) =>
    checker.checkFile(file, content, locator),
  );
  checkCrossFile(parsed, problems);
  if (problems.length > 0) {
    throw new CatalogValidationError(problems);
  }
  return new CatalogTables(orderTables(tables), checker.validators, version);
}

/** The `*.yaml` files of a folder, in name order, with their text. */
export function readCatalogFiles(directory: string, problems: CatalogProblem[]): CatalogFileText[] {
  return listYamlFiles(directory, problems).map((path) => ({
    path,
    text: readFileSync(path, 'utf8'),
  }));
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

function parseFile({ path, text }: CatalogFileText, problems: CatalogProblem[]): ParsedFile[] {
  const lines = new LineCounter();
  const document = parseDocument(text, {
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
