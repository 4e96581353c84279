import { join } from 'node:path';
import { Catalog } from './catalog';
import { parseCatalog, readCatalogFiles } from './loader/catalog-loader';

const SEED = readCatalogFiles(join(__dirname, '../../../config/raci'), []);
const BUCKET = 'object-storage.create-bucket';

/** The seed with the letters of Create Bucket swapped between the parties, as version `n`. */
function swapped(version: number) {
  const files = SEED.map((file) =>
    file.path.endsWith('object-storage.yaml')
      ? {
          ...file,
          text: file.text.replace(
            /(key: object-storage\.create-bucket[\s\S]*?raci:\n\s+provider: )"I"(\n\s+customer: )"A \/ R"/,
            '$1"A / R"$2"I"',
          ),
        }
      : file,
  );
  return parseCatalog(files, version);
}

describe('Catalog: the active version, and the others on demand', () => {
  it('swaps its tables at once on activation, and keeps a reader’s tables whole', () => {
    const catalog = new Catalog(parseCatalog(SEED, 1));
    const before = catalog.current();
    catalog.activate(swapped(2));
    expect(catalog.version).toBe(2);
    expect(catalog.lettersOf(BUCKET)).toEqual({ provider: ['R', 'A'], customer: ['I'] });
    expect(before.lettersOf(BUCKET)).toEqual({ provider: ['I'], customer: ['R', 'A'] });
  });

  it('reads another version once from its source, then keeps it', async () => {
    const catalog = new Catalog(parseCatalog(SEED, 1));
    const source = jest.fn((version: number) =>
      Promise.resolve(version === 2 ? swapped(2) : undefined),
    );
    catalog.readVersionsFrom(source);
    catalog.activate(parseCatalog(SEED, 1));
    expect((await catalog.at(2)).lettersOf(BUCKET).customer).toEqual(['I']);
    expect((await catalog.at(2)).version).toBe(2);
    expect(source).toHaveBeenCalledTimes(1);
    expect((await catalog.at(1)).lettersOf(BUCKET).customer).toEqual(['R', 'A']);
    expect(source).toHaveBeenCalledTimes(1);
    // A number nobody stored gives the active tables.
    expect((await catalog.at(9)).version).toBe(1);
  });

  it('does not take the files it was made from for stored version 1', async () => {
    // The files changed since version 1 was stored: version 1 is read from the source.
    const catalog = new Catalog(swapped(1));
    catalog.readVersionsFrom(() => Promise.resolve(parseCatalog(SEED, 1)));
    catalog.activate(swapped(2));
    expect((await catalog.at(1)).lettersOf(BUCKET).customer).toEqual(['R', 'A']);
  });

  it('has one version when made from files alone', async () => {
    const catalog = new Catalog(parseCatalog(SEED));
    expect(catalog.version).toBe(1);
    expect(await catalog.at(1)).toBe(catalog.current());
    expect(await catalog.at(5)).toBe(catalog.current());
  });
});
