import type { Schemas } from '../../api/api-client';
import { format, LANGUAGES, type Language } from '../../i18n/language';
import { diffLines } from './matrix-diff';

const translator =
  (language: Language) =>
  (key: Parameters<typeof format>[1], values?: Record<string, string | number>) =>
    format(LANGUAGES[language], key, values);

describe('diffLines', () => {
  const bucket = { product: 'object-storage', action: 'object-storage.create-bucket' };
  const diff: Schemas['CatalogDiffResponse'] = {
    from: 1,
    to: 2,
    changed: [
      {
        ...bucket,
        title: 'Create Bucket',
        before: { provider: ['I'], customer: ['R', 'A'] },
        after: { provider: ['C'], customer: ['R', 'A'] },
        plansBefore: ['*'],
        plansAfter: ['*'],
      },
    ],
    added: [
      {
        ...bucket,
        action: 'object-storage.delete-bucket',
        title: 'Delete Bucket',
        after: { provider: ['R', 'A'], customer: ['I'] },
      },
    ],
    removed: [{ ...bucket, action: 'object-storage.rename-bucket', title: 'Rename Bucket' }],
    words: [],
  };

  it('says each changed, added and removed row in English', () => {
    expect(diffLines(diff, translator('en'))).toEqual([
      'Create Bucket: provider I → C',
      'Delete Bucket: added, provider R/A, customer I',
      'Rename Bucket: removed',
    ]);
  });

  it('says them in French, with the parties in French', () => {
    expect(diffLines(diff, translator('fr'))).toEqual([
      'Create Bucket : fournisseur I → C',
      'Delete Bucket : ajoutée, fournisseur R/A, client I',
      'Rename Bucket : retirée',
    ]);
  });

  it('names a change of plans', () => {
    const plans: Schemas['CatalogDiffResponse'] = {
      ...diff,
      added: [],
      removed: [],
      changed: [{ ...diff.changed[0], after: diff.changed[0].before, plansAfter: ['on-request'] }],
    };
    expect(diffLines(plans, translator('en'))).toEqual(['Create Bucket: plans * → on-request']);
  });
});
