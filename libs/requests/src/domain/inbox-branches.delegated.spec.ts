import { Party } from '@app/catalog';
import { Role } from '@app/parties';
import { delegatedBranches } from './inbox-branches';

const D1 = '00000000-0000-4000-8000-0000000000d1';
const D2 = '00000000-0000-4000-8000-0000000000d2';
const D3 = '00000000-0000-4000-8000-0000000000d3';

describe('the inbox branches read through delegations', () => {
  const standIn = { party: Party.Provider, roles: [Role.Requester] };

  it('reads what waits on the delegator, never what the caller or the delegator submitted', () => {
    const [approve, ...rest] = delegatedBranches(standIn, [
      { delegatorId: D1, roles: [Role.Approver] },
    ]).filter((b) => b.wait === 'approve');
    expect(rest).toEqual([]);
    expect(approve.onBehalfOf).toBe(D1);
    expect(approve.where).toContain('r.submitted_by <> :userId');
    expect(approve.where).toContain('r.submitted_by <> :onBehalfOf_approve_0');
    expect(approve.params).toMatchObject({ onBehalfOf_approve_0: D1 });
  });

  it('never overlaps: a second delegator covers only what the first submitted, a third nothing', () => {
    const approve = delegatedBranches(standIn, [
      { delegatorId: D1, roles: [Role.Approver] },
      { delegatorId: D2, roles: [Role.Approver] },
      { delegatorId: D3, roles: [Role.Approver] },
    ]).filter((b) => b.wait === 'approve');
    expect(approve.map((b) => b.onBehalfOf)).toEqual([D1, D2]);
    expect(approve[1].where).toContain('r.submitted_by = :onBehalfOf_approve_0');
  });

  it('adds nothing the caller reads in their own right, and no work', () => {
    const approver = { party: Party.Provider, roles: [Role.Approver] };
    const held = [{ delegatorId: D1, roles: [Role.Approver, Role.Consultant, Role.Operator] }];
    expect(delegatedBranches(approver, held)).toEqual([]);
    expect(delegatedBranches(standIn, held).map((b) => b.wait)).not.toContain('work');
  });

  it('reads opinions for a consultant’s stand-in, one delegator enough (no four eyes there)', () => {
    const opinions = delegatedBranches(standIn, [
      { delegatorId: D1, roles: [Role.Consultant] },
      { delegatorId: D2, roles: [Role.Consultant] },
    ]);
    expect(opinions.length).toBeGreaterThan(0);
    expect(opinions.every((b) => b.wait === 'opinion' && b.onBehalfOf === D1)).toBe(true);
  });
});
