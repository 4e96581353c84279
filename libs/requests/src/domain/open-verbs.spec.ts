import { Party } from '@app/catalog';
import { RequestState as S } from '@app/core';
import { Role } from '@app/parties';
import { openVerbs, RequestStanding } from './open-verbs';
import { RequestVerb as V } from './request-state';

const SUBMITTER = '00000000-0000-4000-8000-0000000000aa';
const ME = '00000000-0000-4000-8000-0000000000bb';

/** Provider approves and performs, the customer is consulted and informed. */
function request(state: S, values: Partial<RequestStanding> = {}): RequestStanding {
  return {
    state,
    responsible: Party.Provider,
    accountable: Party.Provider,
    consulted: [Party.Customer],
    performer: Party.Provider,
    submittedBy: SUBMITTER,
    letters: { [Party.Provider]: ['R', 'A'], [Party.Customer]: ['C', 'I'] },
    answered: [],
    ...values,
  };
}

const provider = (roles: Role[], userId: string | null = ME) => ({
  userId,
  party: Party.Provider,
  roles,
});
const customer = (roles: Role[], userId: string | null = ME) => ({
  userId,
  party: Party.Customer,
  roles,
});

describe('openVerbs', () => {
  it('offers the Accountable approver approve, reject, cancel and comment while it waits for approval', () => {
    expect(openVerbs(provider([Role.Approver]), request(S.PendingApproval))).toEqual([
      V.Approve,
      V.Reject,
      V.Cancel,
      V.Comment,
    ]);
  });

  it('offers no decision to an approver of the wrong party, only a comment as a lettered party', () => {
    expect(openVerbs(customer([Role.Approver]), request(S.PendingApproval))).toEqual([V.Comment]);
  });

  it('never offers the submitter a decision on their own request (four eyes), but lets them cancel', () => {
    expect(openVerbs(provider([Role.Approver], SUBMITTER), request(S.PendingApproval))).toEqual([
      V.Cancel,
      V.Comment,
    ]);
  });

  it('offers a Consulted party its opinion once, and the approver a waiver meanwhile', () => {
    const consulting = request(S.PendingConsultation);
    expect(openVerbs(customer([Role.Consultant]), consulting)).toEqual([V.Opinion, V.Comment]);
    expect(
      openVerbs(customer([Role.Consultant]), { ...consulting, answered: [Party.Customer] }),
    ).toEqual([V.Comment]);
    expect(openVerbs(provider([Role.Approver]), consulting)).toEqual([
      V.WaiveConsultation,
      V.Reject,
      V.Cancel,
      V.Comment,
    ]);
  });

  it('offers the performing operator start, then complete or fail', () => {
    expect(openVerbs(provider([Role.Operator]), request(S.Approved))).toEqual([V.Start, V.Comment]);
    expect(openVerbs(provider([Role.Operator]), request(S.InProgress))).toEqual([
      V.Complete,
      V.Fail,
      V.Comment,
    ]);
  });

  it('offers only comments once the request is finished, and nothing to a token without a user', () => {
    expect(openVerbs(provider([Role.Approver, Role.Operator]), request(S.Completed))).toEqual([
      V.Comment,
    ]);
    expect(openVerbs(provider([Role.Approver], null), request(S.PendingApproval))).toEqual([]);
  });

  it('offers a decision through a delegation held now, never on a request the delegator submitted', () => {
    const operator = provider([Role.Operator]);
    const fromApprover = [{ delegatorId: SUBMITTER.replace('aa', 'cc'), roles: [Role.Approver] }];
    expect(openVerbs(operator, request(S.PendingApproval), fromApprover)).toEqual([
      V.Approve,
      V.Reject,
      V.Comment,
    ]);
    const fromSubmitter = [{ delegatorId: SUBMITTER, roles: [Role.Approver] }];
    expect(openVerbs(operator, request(S.PendingApproval), fromSubmitter)).toEqual([V.Comment]);
  });
});
