import { csvLine } from '@app/core';
import { RequestView } from '../request.view';

/** The columns of the requests' CSV export, in order. */
export const REQUEST_CSV_COLUMNS = [
  'id',
  'action',
  'title',
  'product',
  'organizationId',
  'state',
  'submittedById',
  'submittedByEmail',
  'submittedByName',
  'dueAt',
  'createdAt',
  'updatedAt',
] as const;

/** The header record of the export. */
export function requestCsvHeader(): string {
  return csvLine(REQUEST_CSV_COLUMNS);
}

/** One request as a CSV record (RFC 4180, formula cells neutralized). */
export function requestCsvLine(view: RequestView): string {
  return csvLine([
    view.id,
    view.action,
    view.title,
    view.product,
    view.organizationId,
    view.state,
    view.submittedBy.id,
    view.submittedBy.email,
    view.submittedBy.name,
    view.dueAt ?? '',
    view.createdAt,
    view.updatedAt,
  ]);
}
