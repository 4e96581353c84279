import { Party } from '@app/catalog';
import { Role } from '@app/parties';
import { RequestsErrorCode as Code } from '../requests.exception';
import { judgeWithDelegations } from './delegated-policy';
import { RequestParties } from './raci-policy';
import { RequestVerb as V } from './request-state';
import { DELEGABLE_ROLES } from './who-acts.table';

const DELEGATOR = '00000000-0000-4000-8000-0000000000d1';
const DELEGATE = '00000000-0000-4000-8000-0000000000d2';
const SOMEONE = '00000000-0000-4000-8000-0000000000d3';

const request = (submittedBy: string): RequestParties => ({
  accountable: Party.Provider,
  consulted: [Party.Customer],
  responsible: Party.Provider,
  performer: Party.Provider,
  submittedBy,
  letters: { [Party.Provider]: ['A', 'R'], [Party.Customer]: ['C'] },
});
const delegate = { userId: DELEGATE, party: Party.Provider, roles: [Role.Requester] };
const held = [{ delegatorId: DELEGATOR, roles: [Role.Approver] }];

describe('decisions through a delegation', () => {
  it('the table declares the decision roles delegable, and nothing else', () => {
    expect([...DELEGABLE_ROLES].sort()).toEqual([Role.Approver, Role.Consultant]);
  });

  it('lets the delegate approve on behalf of the delegator, under the letter A', () => {
    expect(judgeWithDelegations(V.Approve, delegate, request(SOMEONE), held)).toEqual({
      allowed: true,
      letter: 'A',
      onBehalfOf: DELEGATOR,
    });
  });

  it('refuses without a delegation, as the table does', () => {
    expect(judgeWithDelegations(V.Approve, delegate, request(SOMEONE), [])).toEqual({
      allowed: false,
      refusal: Code.NotAccountableApprover,
    });
  });

  it('holds four eyes for the delegator: a delegate never decides what their delegator submitted', () => {
    expect(judgeWithDelegations(V.Approve, delegate, request(DELEGATOR), held)).toEqual({
      allowed: false,
      refusal: Code.FourEyes,
    });
  });

  it('holds four eyes for the delegate: nobody decides what they submitted', () => {
    expect(judgeWithDelegations(V.Reject, delegate, request(DELEGATE), held)).toEqual({
      allowed: false,
      refusal: Code.FourEyes,
    });
  });

  it('acts in their own right first, with no one to act for', () => {
    const approver = { ...delegate, roles: [Role.Approver] };
    expect(judgeWithDelegations(V.Approve, approver, request(SOMEONE), held)).toMatchObject({
      allowed: true,
      onBehalfOf: null,
    });
  });

  it('carries no verb the table does not mark delegable (work, cancel)', () => {
    const operating = [{ delegatorId: DELEGATOR, roles: [Role.Operator, Role.Approver] }];
    expect(judgeWithDelegations(V.Start, delegate, request(SOMEONE), operating).allowed).toBe(
      false,
    );
    expect(judgeWithDelegations(V.Cancel, delegate, request(SOMEONE), operating).allowed).toBe(
      false,
    );
  });

  it('carries only the roles the delegation holds: a consultant delegation gives no approval', () => {
    const consulting = [{ delegatorId: DELEGATOR, roles: [Role.Consultant] }];
    const customer = { ...delegate, party: Party.Customer };
    expect(judgeWithDelegations(V.Approve, delegate, request(SOMEONE), consulting).allowed).toBe(
      false,
    );
    expect(judgeWithDelegations(V.Opinion, customer, request(SOMEONE), consulting)).toEqual({
      allowed: true,
      letter: 'C',
      onBehalfOf: DELEGATOR,
    });
  });
});
