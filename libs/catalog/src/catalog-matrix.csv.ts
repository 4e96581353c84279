import { csvLine } from '@app/core';
import { CatalogAction, MatrixTable, PARTIES } from './catalog.types';

const COLUMNS = [
  'product',
  'key',
  'title',
  'plans',
  'provider',
  'customer',
  'requestable',
  'performer',
  'comment',
  'reading',
];

/** The published matrix as CSV (RFC 4180), one row per action, letters in R, A, C, I order. */
export function matrixToCsv(tables: readonly MatrixTable[]): string {
  const rows = tables.flatMap((table) => table.actions.map((action) => row(action)));
  return [COLUMNS, ...rows].map(csvLine).join('');
}

function row(action: CatalogAction): string[] {
  return [
    action.product,
    action.key,
    action.title,
    action.plans.join(' | '),
    ...PARTIES.map((party) => action.raci[party].join(' / ')),
    String(action.requestable),
    action.performer.default,
    action.comment ?? '',
    action.reading?.note ?? '',
  ];
}
