import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog } from './catalog';
import { CatalogAction, PARTIES, Plan, PlanCell } from './catalog.types';
import { loadCatalog } from './loader/catalog-loader';
import { parseRaciCell } from './loader/raci-cell';
import { SEED_ROWS, SeedRow } from './seed-matrix.fixture';

const CONFIG_RACI = join(__dirname, '../../../config/raci');

/** How the published matrix spells its plans, read into the catalog's plan cells. */
const PLAN_CELLS: Record<string, PlanCell[]> = {
  'Self Service': [Plan.SelfService],
  'Self-service': [Plan.SelfService],
  'On Request': [Plan.OnRequest],
  'On request': [Plan.OnRequest],
  '*': ['*'],
  'On Request or Self Service': [Plan.OnRequest, Plan.SelfService],
};

/** The products the seed has a table for, generic included: the fixture guards these only. */
const SEED_PRODUCTS = new Set(SEED_ROWS.map((row) => row.product));

/** A product the seed does not have, added the way any product is: one YAML file. */
const PRODUCT_NOT_IN_SEED = {
  file: 'example-cache.yaml',
  key: 'example-cache',
  yaml: `product: example-cache
title: "Example Cache"
actions:
  - key: example-cache.flush-cache
    title: "Flush the cache"
    plans: [on-request]
    raci:
      provider: "A / R"
      customer: "I"
    requestable: true
    performer:
      default: provider
    paramsSchema:
      type: object
      additionalProperties: false
      required: [instance]
      properties:
        instance: { type: string, minLength: 1, maxLength: 128 }
  - key: example-cache.security-patches
    title: "Security Patches"
    plans: ["*"]
    raci:
      provider: "R / A"
      customer: "I"
    requestable: false
    overrides: generic.security-patches
    performer:
      default: provider
`,
};

const letters = (cell: string) => {
  const parsed = parseRaciCell(cell);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.letters;
};

const seedLetters = (action: CatalogAction) => action.reading?.seed ?? action.raci;

/** The rows of the seed's products, as their tables publish them (inherited generic rows aside). */
const seedProductRows = (catalog: Catalog): CatalogAction[] =>
  catalog.tables
    .filter((table) => SEED_PRODUCTS.has(table.product))
    .flatMap((table) => table.actions);

/** config/raci copied to a temporary folder with one product more, then loaded. */
function withProductNotInSeed(): Catalog {
  const dir = mkdtempSync(join(tmpdir(), 'raci-seed-matrix-'));
  try {
    cpSync(CONFIG_RACI, dir, { recursive: true });
    writeFileSync(join(dir, PRODUCT_NOT_IN_SEED.file), PRODUCT_NOT_IN_SEED.yaml);
    return loadCatalog(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The fixture guards the rows of the seed's products exactly, and counts nothing else: adding a
 * product is one YAML file, with no edit to the fixture. Every check runs on config/raci as it is
 * and on a copy of it holding one product more.
 */
describe.each([
  ['config/raci', () => loadCatalog(CONFIG_RACI)],
  ['config/raci and a product the seed does not have', withProductNotInSeed],
])('the catalog of %s holds the published matrix', (_, load) => {
  const catalog: Catalog = load();
  const rows = seedProductRows(catalog);
  const label = (product: string, title: string) => `${product}: ${title}`;

  it("has exactly the seed's rows in the seed's products, none missing and none added", () => {
    expect(rows.map((action) => label(action.product, action.title)).sort()).toEqual(
      SEED_ROWS.map((row) => label(row.product, row.action)).sort(),
    );
  });

  it.each(SEED_ROWS.map((row) => [label(row.product, row.action), row] as const))(
    'holds %s',
    (_name, row: SeedRow) => {
      const matches = rows.filter(
        (action) => action.product === row.product && action.title === row.action,
      );
      expect(matches).toHaveLength(1);
      const [action] = matches;
      expect(action.plans).toEqual(PLAN_CELLS[row.plan]);
      expect(seedLetters(action)).toEqual({
        provider: letters(row.provider),
        customer: letters(row.customer),
      });
    },
  );

  it('applies every generic row to every product unless the product overrides it', () => {
    const generic = catalog.tables[0].actions;
    // The engine's own product (generic: false) is the one that takes none of them.
    const takesGeneric = catalog.tables.filter((table) => table.generic !== false);
    expect(catalog.tables.filter((table) => table.generic === false).map((t) => t.product)).toEqual(
      ['catalog'],
    );
    for (const { product } of takesGeneric.filter((table) => table.product !== 'generic')) {
      for (const row of generic) {
        const effective = catalog
          .actions({ product })
          .filter((action) => action.title === row.title);
        expect(effective).toHaveLength(1);
        expect(effective[0].inheritedFrom === row.key || effective[0].overrides === row.key).toBe(
          true,
        );
      }
    }
  });

  it('gives every enforced action exactly one Accountable and at least one Responsible', () => {
    for (const action of catalog.actions()) {
      expect(PARTIES.filter((party) => action.raci[party].includes('A'))).toHaveLength(1);
      expect(PARTIES.some((party) => action.raci[party].includes('R'))).toBe(true);
    }
  });

  it('marks every place the seed breaks its own rules as a reading', () => {
    const readings = rows.filter((action) => action.reading).map((action) => action.title);
    expect(readings).toEqual(
      expect.arrayContaining(['Performance metrics', 'Manage secrets paths']),
    );
  });

  it('keeps the extras the seed states', () => {
    const masking = rows.find(
      (action) => action.title === 'PDM : Masking plan creation and execution',
    )!;
    expect(masking.quota).toEqual({
      unit: 'anonymization-treatment',
      included: 10,
      periodMonths: 12,
      packageSize: 10,
    });
    expect(masking.checklist).toHaveLength(3);
    const indices = rows.find(
      (action) => action.product === 'opensearch' && action.title === 'Index management',
    )!;
    expect(indices.exceptions?.[0].subject).toMatch(/security_audit/);
    const details = rows.find((action) => action.title === 'Request details on blocked request')!;
    expect(details.paramsSchema).toMatchObject({ required: expect.arrayContaining(['supportId']) });
  });
});

describe('a product the seed does not have', () => {
  const allRows = (catalog: Catalog) => catalog.tables.flatMap((table) => table.actions);

  it('is loaded with rows of its own, on top of those of config/raci', () => {
    const catalog = withProductNotInSeed();
    expect(catalog.products().map((product) => product.key)).toContain(PRODUCT_NOT_IN_SEED.key);
    const own = catalog.tables.find((table) => table.product === PRODUCT_NOT_IN_SEED.key)!.actions;
    expect(own.map((action) => action.title)).toEqual(['Flush the cache', 'Security Patches']);
    expect(allRows(catalog)).toHaveLength(allRows(loadCatalog(CONFIG_RACI)).length + own.length);
  });
});
