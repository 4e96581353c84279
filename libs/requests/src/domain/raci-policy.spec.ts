import { join } from 'node:path';
import { Letter, loadCatalog, Party, PARTIES, Plan } from '@app/catalog';
import { Role, ROLES } from '@app/parties';
import { RequestsException } from '../requests.exception';
import { authorize } from './raci-policy';
import { RaciResolver } from './raci-resolver';
import { RequestVerb as V } from './request-state';

const SUBMITTER = 'submitter-id';
const OTHER = 'other-id';
type Verb = Exclude<V, V.Submit | V.Expire>;

/**
 * What the matrix allows, written from the letters of the catalog alone (not from the policy), so
 * the test holds the policy to the matrix for every action, subscription, verb, party and role.
 */
function expected(
  verb: Verb,
  party: Party,
  role: Role,
  letters: Record<Party, Letter[]>,
  performer: Party,
): boolean {
  const holds = (letter: Letter) => letters[party].includes(letter);
  switch (verb) {
    case V.Approve:
    case V.Reject:
    case V.WaiveConsultation:
      return holds('A') && role === Role.Approver;
    case V.Opinion:
      return holds('C') && (role === Role.Consultant || role === Role.Approver);
    case V.Start:
    case V.Complete:
    case V.Fail:
      return party === performer && role === Role.Operator;
    case V.Cancel:
      return holds('A') && role === Role.Approver;
    case V.Comment:
      return letters[party].length > 0 || party === performer;
  }
}

describe('RACI policy, for every action of the catalog', () => {
  const catalog = loadCatalog(join(__dirname, '../../../../config/raci'));
  const resolver = new RaciResolver(catalog);
  const verbs = Object.values(V).filter((v): v is Verb => v !== V.Submit && v !== V.Expire);
  const subscriptions = [Plan.SelfService, Plan.OnRequest].flatMap((plan) =>
    [false, true].map((onDemand) => ({ plan, onDemand })),
  );
  const cases = catalog
    .actions({ requestable: true })
    .flatMap((action) =>
      subscriptions
        .filter(({ plan }) => action.plans.includes('*') || action.plans.includes(plan))
        .map((subscription) => [action.key, subscription] as const),
    );

  it('covers every requestable action', () => {
    expect(new Set(cases.map(([key]) => key)).size).toBe(
      catalog.actions({ requestable: true }).length,
    );
  });

  it.each(cases)(
    '%s under %o: allows exactly the parties and roles the matrix gives',
    (key, subscription) => {
      const action = catalog.action(key)!;
      const raci = resolver['assign'](action, subscription);
      const request = { ...raci, submittedBy: SUBMITTER, letters: action.raci };
      for (const verb of verbs) {
        for (const party of PARTIES) {
          for (const role of ROLES) {
            const actor = { userId: OTHER, party, roles: [role] };
            let allowed = true;
            try {
              authorize(verb, actor, request);
            } catch (error) {
              expect(error).toBeInstanceOf(RequestsException);
              expect((error as RequestsException).status).toBe(403);
              expect((error as RequestsException).code).toMatch(/^RACI_/);
              allowed = false;
            }
            if (allowed !== expected(verb, party, role, action.raci, raci.performer)) {
              throw new Error(
                `${key} ${JSON.stringify(subscription)}: ${verb} by ${party} ${role} was ${allowed ? 'allowed' : 'refused'}`,
              );
            }
          }
        }
      }
    },
  );

  it('never lets the submitter decide, and lets the submitter cancel', () => {
    const action = catalog.action('mariadb.add-read-only-replica')!;
    const raci = resolver['assign'](action, { plan: Plan.OnRequest, onDemand: false });
    const request = { ...raci, submittedBy: SUBMITTER, letters: action.raci };
    const submitter = { userId: SUBMITTER, party: Party.Provider, roles: [Role.Approver] };
    expect(() => authorize(V.Approve, submitter, request)).toThrow(/Four eyes/);
    expect(() => authorize(V.Reject, submitter, request)).toThrow(/Four eyes/);
    expect(
      authorize(
        V.Cancel,
        { ...submitter, party: Party.Customer, roles: [Role.Requester] },
        request,
      ),
    ).toBeNull();
  });
});
