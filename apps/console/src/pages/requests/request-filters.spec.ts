import { filtersFromSearch, filtersToQuery, filtersToSearch, withFilter } from './request-filters';

const PERSON = '0b6f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('the requests filters and the address', () => {
  it('reads the filters an address names, and writes them back the same', () => {
    const search = new URLSearchParams(
      `state=pending_approval&product=mariadb&action=mariadb.add-read-only-replica&submittedBy=${PERSON}&from=2026-11-01&to=2026-11-30`,
    );
    const filters = filtersFromSearch(search);
    expect(filters).toEqual({
      state: 'pending_approval',
      product: 'mariadb',
      action: 'mariadb.add-read-only-replica',
      submittedBy: PERSON,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(filtersToSearch(filters).toString()).toBe(search.toString());
  });

  it('leaves out what the API would refuse, so a mistyped link still opens', () => {
    const search = new URLSearchParams(
      'state=sleeping&submittedBy=me&from=2026-02-30&to=yesterday&product=Maria%20DB&extra=1',
    );
    expect(filtersFromSearch(search)).toEqual({});
    expect(filtersToSearch({}).toString()).toBe('');
  });

  it('asks the API for whole days, the last one included', () => {
    expect(filtersToQuery({ state: 'completed', from: '2026-11-01', to: '2026-12-31' })).toEqual({
      state: 'completed',
      createdAfter: '2026-11-01T00:00:00.000Z',
      createdBefore: '2027-01-01T00:00:00.000Z',
    });
  });

  it('drops an action of another product when the product changes, and an emptied filter', () => {
    const filters = { product: 'mariadb', action: 'mariadb.add-read-only-replica' };
    expect(withFilter(filters, 'product', 'vault')).toEqual({ product: 'vault' });
    expect(withFilter(filters, 'product', 'mariadb')).toEqual(filters);
    expect(withFilter(filters, 'action', '')).toEqual({ product: 'mariadb', action: undefined });
    expect(filtersToSearch(withFilter(filters, 'action', '')).toString()).toBe('product=mariadb');
  });
});
