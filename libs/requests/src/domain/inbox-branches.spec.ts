import { Party } from '@app/catalog';
import { Role } from '@app/parties';
import { consultedListsHolding, inboxBranches } from './inbox-branches';

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

describe('inboxBranches', () => {
  it('leaves out of the approvals awaited those whose approval already counts', () => {
    const [approve] = inboxBranches({ party: Party.Provider, roles: [Role.Approver] }).filter(
      (branch) => branch.wait === 'approve',
    );
    expect(approve.where).toContain(
      'NOT EXISTS (SELECT 1 FROM request_approvals a WHERE a.request_id = r.id AND a.counted_person = :userId AND a.params_hash = r.params_hash)',
    );
  });
});
