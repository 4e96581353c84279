import { Party, PARTIES, RaciLetters } from '../catalog.types';
import { CatalogDiff, CatalogRowChange } from './catalog-diff';

/** The languages a diff is said in. */
export type DiffLanguage = 'en' | 'fr';

const WORDS: Record<
  DiffLanguage,
  { parties: Record<Party, string>; colon: string; added: string; removed: string; plans: string }
> = {
  en: {
    parties: { [Party.Provider]: 'provider', [Party.Customer]: 'customer' },
    colon: ':',
    added: 'added',
    removed: 'removed',
    plans: 'plans',
  },
  fr: {
    parties: { [Party.Provider]: 'fournisseur', [Party.Customer]: 'client' },
    colon: ' :',
    added: 'ajoutée',
    removed: 'retirée',
    plans: 'offres',
  },
};

/**
 * A diff in words, one line per row, for people (the mail of a matrix change):
 * "Create Bucket: provider I → C", "Delete Bucket: added, provider R/A, customer I",
 * "Rename Bucket: removed"; in French, "Create Bucket : fournisseur I → C".
 */
export function diffInWords(diff: CatalogDiff, language: DiffLanguage = 'en'): string[] {
  const w = WORDS[language];
  return [
    ...diff.changed.map((row) => `${row.title}${w.colon} ${changedInWords(row, language)}`),
    ...diff.added.map(
      (row) => `${row.title}${w.colon} ${w.added}, ${lettersInWords(row.after!, language)}`,
    ),
    ...diff.removed.map((row) => `${row.title}${w.colon} ${w.removed}`),
  ];
}

function changedInWords(row: CatalogRowChange, language: DiffLanguage): string {
  const w = WORDS[language];
  const parts = PARTIES.filter(
    (party) => letters(row.before!, party) !== letters(row.after!, party),
  ).map(
    (party) => `${w.parties[party]} ${letters(row.before!, party)} → ${letters(row.after!, party)}`,
  );
  const plans = (row.plansBefore ?? []).join(', ') !== (row.plansAfter ?? []).join(', ');
  if (plans) {
    parts.push(`${w.plans} ${row.plansBefore!.join(', ')} → ${row.plansAfter!.join(', ')}`);
  }
  return parts.join(', ');
}

function lettersInWords(raci: RaciLetters, language: DiffLanguage): string {
  return PARTIES.map((party) => `${WORDS[language].parties[party]} ${letters(raci, party)}`).join(
    ', ',
  );
}

function letters(raci: RaciLetters, party: keyof RaciLetters): string {
  return raci[party].length > 0 ? raci[party].join('/') : '—';
}
