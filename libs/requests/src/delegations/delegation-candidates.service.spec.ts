import { User, UserKind, UsersService } from '@app/parties';
import { DelegationCandidatesService } from './delegation-candidates.service';

describe('DelegationCandidatesService', () => {
  const person = (id: string, kind = UserKind.Person) =>
    Object.assign(new User(), { id, name: `Name ${id}`, email: `${id}@example.test`, kind });

  it("lists the active people of the caller's organization, never a service account", async () => {
    const membersOf = jest
      .fn()
      .mockResolvedValue([person('ada'), person('bot', UserKind.Service), person('bob')]);
    const service = new DelegationCandidatesService({ membersOf } as unknown as UsersService);

    const candidates = await service.list({ organizationId: 'org-1' });

    expect(membersOf).toHaveBeenCalledWith(['org-1']);
    expect(candidates).toEqual([
      { id: 'ada', name: 'Name ada', email: 'ada@example.test' },
      { id: 'bob', name: 'Name bob', email: 'bob@example.test' },
    ]);
  });
});
