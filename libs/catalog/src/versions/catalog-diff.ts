import { CatalogTables } from '../catalog-tables';
import { CatalogAction, PlanCell, RaciLetters } from '../catalog.types';

/** One row of the matrix as two versions have it; `before` or `after` absent when one lacks it. */
export interface CatalogRowChange {
  product: string;
  action: string;
  title: string;
  plansBefore?: PlanCell[];
  plansAfter?: PlanCell[];
  before?: RaciLetters;
  after?: RaciLetters;
}

/** The rows one version adds, removes and changes (letters or plans) against another. */
export interface CatalogDiff {
  from: number;
  to: number;
  added: CatalogRowChange[];
  removed: CatalogRowChange[];
  changed: CatalogRowChange[];
}

/** Compares the published rows of two versions, by action key, in table order. */
export function diffCatalogs(from: CatalogTables, to: CatalogTables): CatalogDiff {
  const before = rowsOf(from);
  const after = rowsOf(to);
  const diff: CatalogDiff = {
    from: from.version,
    to: to.version,
    added: [],
    removed: [],
    changed: [],
  };
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) diff.added.push(change(undefined, row));
    else if (!sameRouting(old, row)) diff.changed.push(change(old, row));
  }
  for (const [key, row] of before) {
    if (!after.has(key)) diff.removed.push(change(row, undefined));
  }
  return diff;
}

function rowsOf(tables: CatalogTables): Map<string, CatalogAction> {
  return new Map(tables.tables.flatMap((table) => table.actions.map((a) => [a.key, a] as const)));
}

function sameRouting(a: CatalogAction, b: CatalogAction): boolean {
  return JSON.stringify([a.raci, a.plans]) === JSON.stringify([b.raci, b.plans]);
}

function change(old?: CatalogAction, row?: CatalogAction): CatalogRowChange {
  const either = (row ?? old)!;
  return {
    product: either.product,
    action: either.key,
    title: either.title,
    ...(old ? { plansBefore: old.plans, before: old.raci } : {}),
    ...(row ? { plansAfter: row.plans, after: row.raci } : {}),
  };
}
