import { PARTIES, RaciLetters } from '../catalog.types';
import { CatalogDiff, CatalogRowChange } from './catalog-diff';

/**
 * A diff in words, one line per row, for people (the mail of a matrix change):
 * "Create Bucket: provider I → C", "Delete Bucket: added, provider R/A, customer I",
 * "Rename Bucket: removed".
 */
export function diffInWords(diff: CatalogDiff): string[] {
  return [
    ...diff.changed.map(changedInWords),
    ...diff.added.map((row) => `${row.title}: added, ${lettersInWords(row.after!)}`),
    ...diff.removed.map((row) => `${row.title}: removed`),
  ];
}

function changedInWords(row: CatalogRowChange): string {
  const parts = PARTIES.filter(
    (party) => letters(row.before!, party) !== letters(row.after!, party),
  ).map((party) => `${party} ${letters(row.before!, party)} → ${letters(row.after!, party)}`);
  const plans = (row.plansBefore ?? []).join(', ') !== (row.plansAfter ?? []).join(', ');
  if (plans) parts.push(`plans ${row.plansBefore!.join(', ')} → ${row.plansAfter!.join(', ')}`);
  return `${row.title}: ${parts.join(', ')}`;
}

function lettersInWords(raci: RaciLetters): string {
  return PARTIES.map((party) => `${party} ${letters(raci, party)}`).join(', ');
}

function letters(raci: RaciLetters, party: keyof RaciLetters): string {
  return raci[party].length > 0 ? raci[party].join('/') : '—';
}
