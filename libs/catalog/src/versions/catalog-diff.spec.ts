import { join } from 'node:path';
import { parseCatalog, readCatalogFiles } from '../loader/catalog-loader';
import { diffCatalogs } from './catalog-diff';
import { diffInWords } from './catalog-diff.words';

const SEED = readCatalogFiles(join(__dirname, '../../../../config/raci'), []);
const CREATE = 'object-storage.create-object-store';

/** The seed with the provider Consulted, rather than Informed, on creating an Object Store. */
function consultedProvider() {
  return SEED.map((file) =>
    file.path.endsWith('object-storage.yaml')
      ? {
          ...file,
          text: file.text.replace(
            /(key: object-storage\.create-object-store[\s\S]*?provider: )"I"/,
            '$1"C"',
          ),
        }
      : file,
  );
}

describe('diffCatalogs', () => {
  const seed = parseCatalog(SEED, 1);

  it('finds no difference between a version and itself', () => {
    expect(diffCatalogs(seed, seed.numbered(2))).toEqual({
      from: 1,
      to: 2,
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('gives a changed row with its letters before and after', () => {
    const diff = diffCatalogs(seed, parseCatalog(consultedProvider(), 2));
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      expect.objectContaining({
        product: 'object-storage',
        action: CREATE,
        before: { provider: ['I'], customer: ['R', 'A'] },
        after: { provider: ['C'], customer: ['R', 'A'] },
      }),
    ]);
  });

  it('gives the rows of a product file taken away as removed, and back as added', () => {
    const withoutVault = parseCatalog(
      SEED.filter((file) => !file.path.endsWith('vault.yaml')),
      2,
    );
    const vaultRows = seed.tables.find((t) => t.product === 'vault')!.actions.length;
    const removed = diffCatalogs(seed, withoutVault);
    expect(removed.removed).toHaveLength(vaultRows);
    expect(removed.removed.every((row) => row.product === 'vault' && !row.after)).toBe(true);
    const added = diffCatalogs(withoutVault, seed);
    expect(added.added.map((row) => row.action)).toEqual(removed.removed.map((row) => row.action));
    expect(added.added.every((row) => row.before === undefined && row.after)).toBe(true);
  });
});

describe('diffInWords', () => {
  it('says what changed for whom: "Create an Object Store: provider I → C"', () => {
    const diff = diffCatalogs(parseCatalog(SEED, 1), parseCatalog(consultedProvider(), 2));
    expect(diffInWords(diff)).toEqual(['Create an Object Store: provider I → C']);
    expect(diffInWords(diff, 'fr')).toEqual(['Create an Object Store : fournisseur I → C']);
  });

  it('lists added rows with their letters, and removed rows', () => {
    const row = {
      product: 'p',
      action: 'p.a',
      title: 'Do A',
      after: { provider: ['R', 'A'], customer: [] },
    } as const;
    const words = diffInWords({
      from: 1,
      to: 2,
      added: [{ ...row, after: { provider: ['R', 'A'], customer: [] } }],
      removed: [{ product: 'p', action: 'p.b', title: 'Do B', before: row.after as never }],
      changed: [],
    });
    expect(words).toEqual(['Do A: added, provider R/A, customer —', 'Do B: removed']);
  });
});
