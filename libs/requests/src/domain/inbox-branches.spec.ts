import { Party } from '@app/catalog';
import { consultedListsHolding } from './inbox-branches';

describe('consultedListsHolding', () => {
  it('gives every Consulted list, in any order, that holds the party, and no other', () => {
    const lists = consultedListsHolding(Party.Customer);
    expect(lists).toHaveLength(3);
    expect(lists).toEqual(
      expect.arrayContaining([
        [Party.Customer],
        [Party.Provider, Party.Customer],
        [Party.Customer, Party.Provider],
      ]),
    );
  });
});
