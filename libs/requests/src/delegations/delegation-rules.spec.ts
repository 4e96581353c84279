import { Role, User, UserKind } from '@app/parties';
import { RequestsException } from '../requests.exception';
import { delegatedRoles, DelegationWish } from './delegation-rules';

const ORG = '00000000-0000-4000-8000-00000000000a';
const now = new Date('2026-11-30T12:00:00Z');
const person = (id: string, patch: Partial<User> = {}): User =>
  Object.assign(new User(), {
    id,
    organizationId: ORG,
    roles: [Role.Approver],
    kind: UserKind.Person,
    active: true,
    ...patch,
  });
const wish = (patch: Partial<DelegationWish> = {}): DelegationWish => ({
  delegator: person('d1', { roles: [Role.Approver, Role.Requester, Role.Consultant] }),
  delegate: person('d2', { roles: [Role.Requester] }),
  delegateId: 'd2',
  startsAt: new Date('2026-11-30T13:00:00Z'),
  endsAt: new Date('2026-12-01T13:00:00Z'),
  ...patch,
});
const codeOf = (patch: Partial<DelegationWish>): string => {
  try {
    delegatedRoles(wish(patch), now);
    return 'allowed';
  } catch (error) {
    return (error as RequestsException).code;
  }
};

describe('what a delegation may be', () => {
  it('carries the delegator’s decision roles, and only those', () => {
    expect([...delegatedRoles(wish(), now)].sort()).toEqual([Role.Approver, Role.Consultant]);
  });

  it('may start at once, in a window already begun', () => {
    expect(codeOf({ startsAt: new Date('2026-11-30T11:00:00Z') })).toBe('allowed');
  });

  it.each([
    ['to oneself', { delegateId: 'd1', delegate: person('d1') }, 'DELEGATION_TO_SELF'],
    ['to nobody', { delegateId: 'dx', delegate: null }, 'DELEGATE_NOT_FOUND'],
    [
      'to another organization',
      { delegate: person('d2', { organizationId: '00000000-0000-4000-8000-00000000000b' }) },
      'DELEGATE_NOT_FOUND',
    ],
    ['to a deactivated user', { delegate: person('d2', { active: false }) }, 'DELEGATE_INACTIVE'],
    [
      'to a service account',
      { delegate: person('d2', { kind: UserKind.Service }) },
      'DELEGATE_NOT_A_PERSON',
    ],
    [
      'ending as it starts',
      { endsAt: new Date('2026-11-30T13:00:00Z') },
      'DELEGATION_WINDOW_INVALID',
    ],
    [
      'in the past',
      { startsAt: new Date('2026-11-29T10:00:00Z'), endsAt: new Date('2026-11-29T11:00:00Z') },
      'DELEGATION_IN_THE_PAST',
    ],
    [
      'with no decision role to hand',
      { delegator: person('d1', { roles: [Role.Requester, Role.Operator] }) },
      'NOTHING_TO_DELEGATE',
    ],
  ])('refuses a delegation %s', (_case, patch, code) => {
    expect(codeOf(patch as Partial<DelegationWish>)).toBe(code);
  });
});
