import type { Schemas } from '../../api/api-client';
import type { Translate } from '../../i18n/language';

type Diff = Schemas['CatalogDiffResponse'];
type Row = Schemas['CatalogRowChangeView'];
type Letters = NonNullable<Row['before']>;

const PARTIES = ['provider', 'customer'] as const;

/**
 * A version's changes in the reader's words, one line per row: "Create Bucket: provider I → C",
 * "Delete Bucket: added, provider R/A, customer I", "Rename Bucket: removed".
 */
export function diffLines(diff: Diff, t: Translate): string[] {
  return [
    ...diff.changed.map((row) => changedLine(row, t)),
    ...diff.added.map((row) =>
      t('matrix.diff.added', { title: row.title, letters: allLetters(row.after, t) }),
    ),
    ...diff.removed.map((row) => t('matrix.diff.removed', { title: row.title })),
  ];
}

function changedLine(row: Row, t: Translate): string {
  const parts = PARTIES.filter(
    (party) => letters(row.before, party) !== letters(row.after, party),
  ).map((party) =>
    t('matrix.diff.letters', {
      party: t(`party.${party}`),
      before: letters(row.before, party),
      after: letters(row.after, party),
    }),
  );
  const before = (row.plansBefore ?? []).join(', ');
  const after = (row.plansAfter ?? []).join(', ');
  if (before !== after) parts.push(t('matrix.diff.plans', { before, after }));
  return t('matrix.diff.changed', { title: row.title, changes: parts.join(', ') });
}

function allLetters(raci: Letters | undefined, t: Translate): string {
  return PARTIES.map((party) => `${t(`party.${party}`)} ${letters(raci, party)}`).join(', ');
}

function letters(raci: Letters | undefined, party: (typeof PARTIES)[number]): string {
  const held = raci?.[party] ?? [];
  return held.length > 0 ? held.join('/') : '—';
}
