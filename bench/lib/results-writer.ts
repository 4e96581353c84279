import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const RESULTS_DIR = join(__dirname, '..', 'results');

/**
 * Writes the run's results as `<name>.json` and (unless `dated` is false) a dated copy beside it, so the latest is always at
 * one path and earlier runs stay to compare with. Returns the paths written.
 */
export function writeResults(
  results: object,
  name: string,
  { dated = true, dir = RESULTS_DIR } = {},
): string[] {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const prefix = name.replace(/latest$/, '').replace(/-$/, '');
  const paths = [join(dir, `${name}.json`)];
  if (dated) paths.push(join(dir, `${prefix ? `${prefix}-` : ''}${stamp}.json`));
  const text = `${JSON.stringify(results, null, 2)}\n`;
  for (const path of paths) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return paths;
}

/** Prints rows as an aligned text table. */
export function formatTable(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => String(row[column] ?? '').length)),
  );
  return rows
    .map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  '))
    .join('\n');
}
