import { Catalog, CatalogTables, loadCatalog } from '@app/catalog';
import { Locale } from '@app/parties';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMatrixChange, matrixChangeParams, matrixChangeWords } from './matrix-change';

const CONFIG_RACI = join(__dirname, '../../../../config/raci');

/** config/raci, and a copy where Create Bucket's provider is Consulted: versions 1 and 2. */
function twoVersions(): Catalog {
  const dir = mkdtempSync(join(tmpdir(), 'raci-change-words-'));
  try {
    cpSync(CONFIG_RACI, dir, { recursive: true });
    const file = join(dir, 'object-storage.yaml');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(
      /(key: object-storage\.create-bucket[\s\S]*?raci:\n\s+provider: )"I"/,
      '$1"C"',
    );
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const after = loadCatalog(dir).current();
    const before = loadCatalog(CONFIG_RACI).current();
    const versioned = (tables: CatalogTables, version: number): CatalogTables =>
      Object.assign(
        Object.create(Object.getPrototypeOf(tables) as object) as CatalogTables,
        tables,
        {
          version,
        },
      );
    const known = new Map([
      [1, versioned(before, 1)],
      [2, versioned(after, 2)],
    ]);
    return { at: (v: number) => Promise.resolve(known.get(v) ?? before) } as unknown as Catalog;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a change of the matrix in a message', () => {
  it('tells the rows the draft changes against the version it was proposed on, in each language', async () => {
    const request = {
      action: 'catalog.change-matrix',
      params: { version: 2, baseVersion: 1 },
    };
    expect(isMatrixChange(request)).toBe(true);
    expect(await matrixChangeWords(twoVersions(), request)).toEqual({
      [Locale.En]: ['Create Bucket: provider I → C'],
      [Locale.Fr]: ['Create Bucket : fournisseur I → C'],
    });
  });

  it('has no words for another action, or versions not both stored', async () => {
    const catalog = twoVersions();
    const other = {
      action: 'mariadb.add-read-only-replica',
      params: { version: 2, baseVersion: 1 },
    };
    const none = { [Locale.En]: [], [Locale.Fr]: [] };
    expect(await matrixChangeWords(catalog, other)).toEqual(none);
    const unknown = { action: 'catalog.change-matrix', params: { version: 9, baseVersion: 1 } };
    expect(await matrixChangeWords(catalog, unknown)).toEqual(none);
  });

  it('shows each line of the change first, and leaves the YAML file out', () => {
    const labelled = [
      { label: 'Product', value: 'object-storage' },
      { label: 'YAML', value: 'product: object-storage…' },
    ];
    expect(
      matrixChangeParams(['Create Bucket: provider I → C'], labelled, 'YAML', Locale.Fr),
    ).toEqual([
      { label: 'Changement', value: 'Create Bucket: provider I → C' },
      { label: 'Product', value: 'object-storage' },
    ]);
  });
});
