import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogHash } from './catalog-hash';
import { writeCatalogFiles } from './catalog-files.writer';
import { filesOf } from './deployment-import.service';

const SEED = join(__dirname, '../../../../config/raci');

describe('writeCatalogFiles: the round trip of the matrix files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'raci-export-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back the very files that were imported', () => {
    const imported = filesOf(SEED);
    writeCatalogFiles(dir, imported);
    expect(readdirSync(dir).sort()).toEqual(readdirSync(SEED).sort());
    for (const name of readdirSync(SEED)) {
      expect(readFileSync(join(dir, name), 'utf8')).toBe(readFileSync(join(SEED, name), 'utf8'));
    }
    expect(catalogHash(filesOf(dir))).toBe(catalogHash(imported));
  });

  it('replaces the folder’s matrix, removing a product the version does not have', () => {
    cpSync(SEED, dir, { recursive: true });
    writeFileSync(join(dir, 'retired.yaml'), 'product: retired\n');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    const withoutVault = filesOf(SEED);
    delete withoutVault.vault;
    writeCatalogFiles(dir, withoutVault);
    expect(readdirSync(dir)).not.toContain('vault.yaml');
    expect(readdirSync(dir)).not.toContain('retired.yaml');
    expect(readdirSync(dir)).toContain('notes.txt');
    expect(filesOf(dir)).toEqual(withoutVault);
  });
});
