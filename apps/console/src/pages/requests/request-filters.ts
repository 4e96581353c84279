import type { paths } from '../../api/raci-api';

/** The query of `GET /v1/requests` and `GET /v1/requests/export`, without paging. */
export type RequestsQuery = NonNullable<paths['/v1/requests/export']['get']['parameters']['query']>;
export type RequestState = NonNullable<RequestsQuery['state']>;

export const REQUEST_STATES: readonly RequestState[] = [
  'pending_consultation',
  'pending_approval',
  'approved',
  'in_progress',
  'completed',
  'failed',
  'rejected',
  'cancelled',
  'expired',
];

/**
 * The filters of the requests page, as its address keeps them (`?state=…&from=2026-11-01`):
 * `from` and `to` are days (UTC), both included.
 */
export interface RequestFilters {
  state?: RequestState;
  product?: string;
  action?: string;
  organizationId?: string;
  submittedBy?: string;
  from?: string;
  to?: string;
}

const KEYS = ['state', 'product', 'action', 'organizationId', 'submittedBy', 'from', 'to'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[a-z0-9][a-z0-9.-]{0,127}$/;

/** Whether a value of the address is one the API takes, so that a mistyped link filters nothing. */
const VALID: Record<(typeof KEYS)[number], (value: string) => boolean> = {
  state: (value) => (REQUEST_STATES as readonly string[]).includes(value),
  product: (value) => KEY.test(value),
  action: (value) => value.length >= 3 && KEY.test(value),
  organizationId: (value) => UUID.test(value),
  submittedBy: (value) => UUID.test(value),
  from: (value) => isDay(value),
  to: (value) => isDay(value),
};

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The filters an address names; values that are not valid are left out. */
export function filtersFromSearch(search: URLSearchParams): RequestFilters {
  const filters: Record<string, string> = {};
  for (const key of KEYS) {
    const value = search.get(key)?.trim();
    if (value && VALID[key](value)) filters[key] = value;
  }
  return filters;
}

/** The address's query of the filters: only those set, in a stable order. */
export function filtersToSearch(filters: RequestFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  return search;
}

/** The API's query for the filters: days become the bounds of `createdAfter` and `createdBefore`. */
export function filtersToQuery(filters: RequestFilters): RequestsQuery {
  const { from, to, ...rest } = filters;
  const query: RequestsQuery = { ...rest };
  if (from) query.createdAfter = `${from}T00:00:00.000Z`;
  if (to) query.createdBefore = nextDay(to);
  return query;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** The filters with one changed; a product change drops an action of another product. */
export function withFilter<K extends keyof RequestFilters>(
  filters: RequestFilters,
  key: K,
  value: RequestFilters[K] | '',
): RequestFilters {
  const next: RequestFilters = { ...filters, [key]: value || undefined };
  if (key === 'product' && next.action && value && !next.action.startsWith(`${value}.`)) {
    delete next.action;
  }
  return next;
}
