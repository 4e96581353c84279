import { Party } from '@app/catalog';
import { Role, User } from '@app/parties';
import { RequestsErrorCode } from '../requests.exception';
import { missingDeciders, noEligibleDecider, rolesFor } from './decider-directory';
import { RequestParties } from './raci-policy';
import { RequestVerb } from './request-state';

const SUBMITTER = 'u-submitter';
const request: RequestParties = {
  accountable: Party.Customer,
  consulted: [Party.Provider],
  responsible: Party.Provider,
  performer: Party.Provider,
  submittedBy: SUBMITTER,
  letters: { [Party.Customer]: ['A'], [Party.Provider]: ['R', 'C'] },
};
const user = (id: string, roles: Role[]) => ({ id, roles }) as User;
const organizations = {
  [Party.Customer]: { id: 'org-c', name: 'Globex' },
  [Party.Provider]: { id: 'org-p', name: 'Provider' },
};

function missing(people: Record<Party, User[]>, awaited: Party[] = [Party.Provider]) {
  return missingDeciders(request, awaited, (party) => ({
    organization: organizations[party],
    people: people[party],
  }));
}

describe('missingDeciders', () => {
  const consultant = user('u-consultant', [Role.Consultant]);

  it('finds nothing when another approver and a consultant exist', () => {
    const approver = user('u-approver', [Role.Approver]);
    expect(missing({ customer: [approver], provider: [consultant] })).toEqual([]);
  });

  it('counts the submitter out of the approvers (four eyes)', () => {
    const submitter = user(SUBMITTER, [Role.Approver, Role.Requester]);
    expect(missing({ customer: [submitter], provider: [consultant] })).toEqual([
      {
        verb: RequestVerb.Approve,
        party: Party.Customer,
        organization: organizations.customer,
        needed: 1,
        able: 0,
      },
    ]);
  });

  it('finds an awaited Consulted party with nobody to give its opinion, and only an awaited one', () => {
    const approver = user('u-approver', [Role.Approver]);
    const operator = user('u-operator', [Role.Operator]);
    expect(missing({ customer: [approver], provider: [operator] })).toEqual([
      {
        verb: RequestVerb.Opinion,
        party: Party.Provider,
        organization: organizations.provider,
        needed: 1,
        able: 0,
      },
    ]);
    expect(missing({ customer: [approver], provider: [operator] }, [])).toEqual([]);
  });
});

describe('missingDeciders: a quorum', () => {
  it('needs as many approvers besides the submitter as the quorum, and names the shortfall', () => {
    const people = {
      customer: [user(SUBMITTER, [Role.Approver]), user('u-a', [Role.Approver])],
      provider: [user('u-consultant', [Role.Consultant])],
    };
    const check = (approvalsRequired: number) =>
      missingDeciders({ ...request, approvalsRequired }, [], (party) => ({
        organization: organizations[party],
        people: people[party],
      }));
    expect(check(1)).toEqual([]);
    const [short] = check(2);
    expect(short).toEqual({
      verb: RequestVerb.Approve,
      party: Party.Customer,
      organization: organizations.customer,
      needed: 2,
      able: 1,
    });
    const error = noEligibleDecider(short);
    expect(error.message).toBe(
      'Nobody but the submitter could approve this request for the Accountable party (customer) ' +
        'in the number its quorum needs (2 distinct approvers; 1 could): add a user with the role ' +
        'approver to the organization "Globex", then submit again.',
    );
    expect(error.details).toMatchObject({ needed: 2, able: 1 });
  });
});

describe('noEligibleDecider', () => {
  it('names the party, the organization and the roles of the table', () => {
    const error = noEligibleDecider({
      verb: RequestVerb.Approve,
      party: Party.Customer,
      organization: organizations.customer,
      needed: 1,
      able: 0,
    });
    expect(error.code).toBe(RequestsErrorCode.NoEligibleApprover);
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'Nobody but the submitter could approve this request for the Accountable party (customer): ' +
        'add a user with the role approver to the organization "Globex", then submit again.',
    );
    expect(rolesFor(RequestVerb.Opinion)).toEqual([Role.Consultant, Role.Approver]);
    const opinion = noEligibleDecider({
      verb: RequestVerb.Opinion,
      party: Party.Provider,
      organization: organizations.provider,
      needed: 1,
      able: 0,
    });
    expect(opinion.code).toBe(RequestsErrorCode.NoEligibleConsultant);
    expect(opinion.message).toContain('the role consultant or approver to the organization');
  });
});
