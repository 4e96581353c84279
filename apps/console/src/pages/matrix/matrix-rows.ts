import type { Schemas } from '../../api/api-client';

export type MatrixResponse = Schemas['MatrixResponse'];
type Action = Schemas['CatalogActionResponse'];

/** One line of the matrix table: an action of a product's table. */
export interface MatrixRow {
  key: string;
  product: string;
  productTitle: string;
  title: string;
  /** English and French title and comment, lower-cased, for the search. */
  haystack: string;
  plans: string[];
  provider: string;
  customer: string;
  comment: string | null;
  /** Where the published matrix was ambiguous: how it was read, and its letters as published. */
  reading: { note: string; provider: string; customer: string } | null;
}

export interface MatrixFilters {
  product?: string;
  plan?: string;
  search?: string;
}

const letters = (list: readonly string[]) => list.join(' / ');

/** The matrix's tables as one list of rows, in the published order. */
export function matrixRows(matrix: MatrixResponse, language: string): MatrixRow[] {
  return matrix.tables.flatMap((table) =>
    table.actions.map((action: Action) => {
      const french = language === 'fr' ? action.i18n?.fr : undefined;
      return {
        key: action.key,
        product: table.product,
        productTitle: table.title,
        title: french?.title ?? action.title,
        haystack: [
          action.key,
          action.title,
          action.comment,
          action.i18n?.fr?.title,
          action.i18n?.fr?.comment,
        ]
          .filter(Boolean)
          .join('\n')
          .toLowerCase(),
        plans: action.plans,
        provider: letters(action.raci.provider),
        customer: letters(action.raci.customer),
        comment: french?.comment ?? action.comment ?? null,
        reading: action.reading
          ? {
              note: action.reading.note,
              provider: letters(action.reading.seed.provider),
              customer: letters(action.reading.seed.customer),
            }
          : null,
      };
    }),
  );
}

/** The rows of a product, of a plan (a row for any plan, `*`, is in every plan) and the search. */
export function filterMatrix(rows: readonly MatrixRow[], filters: MatrixFilters): MatrixRow[] {
  const words = (filters.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (!filters.product || row.product === filters.product) &&
      (!filters.plan || row.plans.includes(filters.plan) || row.plans.includes('*')) &&
      words.every((word) => row.haystack.includes(word)),
  );
}

/** The products of the matrix, in the published order, for the filter. */
export function matrixProducts(matrix: MatrixResponse): { value: string; label: string }[] {
  return matrix.tables.map((table) => ({ value: table.product, label: table.title }));
}

/** The filters the address names (`?product=…&plan=…&q=…`). */
export function matrixFiltersFromSearch(search: URLSearchParams): MatrixFilters {
  return {
    product: search.get('product') || undefined,
    plan: search.get('plan') || undefined,
    search: search.get('q') || undefined,
  };
}

/** The address's query of the filters, only those set. */
export function matrixFiltersToSearch(filters: MatrixFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.product) search.set('product', filters.product);
  if (filters.plan) search.set('plan', filters.plan);
  if (filters.search) search.set('q', filters.search);
  return search;
}
