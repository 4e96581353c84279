import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a version's files into a matrix folder, `<product>.yaml` each, byte for byte as stored,
 * and removes the folder's other `*.yaml` files (a product the version no longer has): the folder
 * then holds exactly that version. Returns the names written.
 */
export function writeCatalogFiles(directory: string, files: Record<string, string>): string[] {
  mkdirSync(directory, { recursive: true });
  const names = Object.keys(files)
    .sort()
    .map((product) => `${product}.yaml`);
  for (const name of readdirSync(directory)) {
    if (/\.ya?ml$/.test(name) && !names.includes(name)) rmSync(join(directory, name));
  }
  for (const product of Object.keys(files)) {
    writeFileSync(join(directory, `${product}.yaml`), files[product]);
  }
  return names;
}
