import {
  filterMatrix,
  matrixFiltersFromSearch,
  matrixFiltersToSearch,
  matrixRows,
  type MatrixResponse,
} from './matrix-rows';

const action = (over: Record<string, unknown>) => ({
  requestable: true,
  approvedBySubmission: false,
  performer: { default: 'provider' as const },
  raci: { provider: ['R', 'A'], customer: ['I'] },
  ...over,
});

const MATRIX = {
  parties: ['provider', 'customer'],
  letters: ['R', 'A', 'C', 'I'],
  tables: [
    {
      product: 'generic',
      title: 'Generic',
      actions: [
        action({
          key: 'generic.security-patches',
          product: 'generic',
          title: 'Security patches',
          plans: ['*'],
          reading: {
            note: 'The seed gives no Accountable.',
            seed: { provider: ['R'], customer: ['I'] },
          },
        }),
      ],
    },
    {
      product: 'object-storage',
      title: 'Object Storage',
      actions: [
        action({
          key: 'object-storage.create-bucket',
          product: 'object-storage',
          title: 'Create Bucket',
          plans: ['self-service'],
          comment: 'Done by the customer.',
          i18n: { fr: { title: 'Créer un bucket' } },
        }),
        action({
          key: 'object-storage.delete-bucket',
          product: 'object-storage',
          title: 'Delete Bucket',
          plans: ['on-request'],
        }),
      ],
    },
  ],
} as unknown as MatrixResponse;

describe('the matrix table', () => {
  const rows = matrixRows(MATRIX, 'en');
  const keys = (list: { key: string }[]) => list.map((row) => row.key);

  it('lists every action of every table, with its letters and the seed reading', () => {
    expect(keys(rows)).toEqual([
      'generic.security-patches',
      'object-storage.create-bucket',
      'object-storage.delete-bucket',
    ]);
    expect(rows[0]).toMatchObject({
      productTitle: 'Generic',
      provider: 'R / A',
      customer: 'I',
      reading: { note: 'The seed gives no Accountable.', provider: 'R', customer: 'I' },
    });
    expect(rows[1].reading).toBeNull();
    expect(matrixRows(MATRIX, 'fr')[1].title).toBe('Créer un bucket');
  });

  it('filters by product, by plan (any-plan rows are in every plan) and by words', () => {
    expect(keys(filterMatrix(rows, { product: 'object-storage' }))).toEqual([
      'object-storage.create-bucket',
      'object-storage.delete-bucket',
    ]);
    expect(keys(filterMatrix(rows, { plan: 'on-request' }))).toEqual([
      'generic.security-patches',
      'object-storage.delete-bucket',
    ]);
    expect(keys(filterMatrix(rows, { search: 'BUCKET customer' }))).toEqual([
      'object-storage.create-bucket',
    ]);
    expect(keys(filterMatrix(rows, { search: 'créer' }))).toEqual(['object-storage.create-bucket']);
    expect(filterMatrix(rows, {})).toHaveLength(3);
  });

  it('keeps its filters in the address', () => {
    const filters = { product: 'vault', plan: 'self-service', search: 'secret engine' };
    const search = matrixFiltersToSearch(filters);
    expect(search.toString()).toBe('product=vault&plan=self-service&q=secret+engine');
    expect(matrixFiltersFromSearch(search)).toEqual(filters);
    expect(matrixFiltersFromSearch(new URLSearchParams())).toEqual({
      product: undefined,
      plan: undefined,
      search: undefined,
    });
  });
});
