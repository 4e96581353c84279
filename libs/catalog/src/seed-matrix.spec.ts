import { join } from 'node:path';
import { SEED_ROWS } from './seed-matrix.fixture';
import { Catalog } from './catalog';
import { CatalogAction, PARTIES, Plan, PlanCell } from './catalog.types';
import { loadCatalog } from './loader/catalog-loader';
import { parseRaciCell } from './loader/raci-cell';

/** How the published matrix spells its plans, read into the catalog's plan cells. */
const PLAN_CELLS: Record<string, PlanCell[]> = {
  'Self Service': [Plan.SelfService],
  'Self-service': [Plan.SelfService],
  'On Request': [Plan.OnRequest],
  'On request': [Plan.OnRequest],
  '*': ['*'],
  'On Request or Self Service': [Plan.OnRequest, Plan.SelfService],
};

const letters = (cell: string) => {
  const parsed = parseRaciCell(cell);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.letters;
};

describe('the catalog in config/raci holds the published matrix', () => {
  const catalog: Catalog = loadCatalog(join(__dirname, '../../../config/raci'));
  const rows = catalog.tables.flatMap((table) => table.actions);
  const seedLetters = (action: CatalogAction) => action.reading?.seed ?? action.raci;

  it('has exactly as many rows as the published matrix', () => {
    expect(rows).toHaveLength(SEED_ROWS.length);
  });

  it.each(SEED_ROWS.map((row) => [`${row.product}: ${row.action}`, row] as const))(
    'holds %s',
    (_, row) => {
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
    for (const { key: product } of catalog.products()) {
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
