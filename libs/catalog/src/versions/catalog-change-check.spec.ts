import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../loader/catalog-loader';
import { checkCatalogChange } from './catalog-change-check';
import { fileTexts } from './catalog-versions.service';

const RACI_DIR = join(__dirname, '../../../../config/raci');

describe('checkCatalogChange', () => {
  const files = Object.fromEntries(
    readdirSync(RACI_DIR)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [name.replace(/\.yaml$/, ''), readFileSync(join(RACI_DIR, name), 'utf8')]),
  );
  const active = { files, version: 1 };
  const tables = parseCatalog(fileTexts(files), 1);
  const storage = files['object-storage'];
  const at = storage.indexOf('key: object-storage.create-bucket');

  it('says what a valid file changes, row by row', () => {
    const changed =
      storage.slice(0, at) + storage.slice(at).replace('provider: "I"', 'provider: "C"');
    const check = checkCatalogChange(active, tables, 'object-storage', changed);
    expect(check.valid).toBe(true);
    if (!check.valid) return;
    expect(check.diff.changed.map((row) => row.action)).toEqual(['object-storage.create-bucket']);
    expect(check.diff.added).toEqual([]);
    expect(check.diff.removed).toEqual([]);
  });

  it('names each problem of an invalid file with its line', () => {
    const broken =
      storage.slice(0, at) + storage.slice(at).replace('provider: "I"', 'provider: "Q"');
    const line = broken.slice(0, broken.indexOf('provider: "Q"')).split('\n').length;
    const check = checkCatalogChange(active, tables, 'object-storage', broken);
    expect(check.valid).toBe(false);
    if (check.valid) return;
    expect(check.problems).toEqual([
      expect.objectContaining({
        file: 'object-storage.yaml',
        line,
        action: 'object-storage.create-bucket',
      }),
    ]);
  });

  it('changes nothing for the file as it is', () => {
    const check = checkCatalogChange(active, tables, 'object-storage', storage);
    expect(check).toEqual({
      valid: true,
      diff: expect.objectContaining({ changed: [], added: [], removed: [] }),
    });
  });
});
