import { Injectable } from '@nestjs/common';
import { Party } from '@app/catalog';
import {
  Organization,
  OrganizationsService,
  partyOfKind,
  Role,
  User,
  UsersService,
} from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { judge, RequestParties } from './raci-policy';
import { RequestVerb as V } from './request-state';
import { Standing, WHO_ACTS } from './who-acts.table';

/** A decision a request waits for that no active user could take, or too few for its quorum. */
export interface MissingDecider {
  verb: V.Approve | V.Opinion;
  party: Party;
  organization: { id: string; name: string };
  /** How many distinct people the decision needs, and how many could take it. */
  needed: number;
  able: number;
}

/** A request about to be submitted: its parties, and how many approvers its quorum needs. */
export type DeciderCheck = RequestParties & { organizationId: string; approvalsRequired?: number };

/** The verbs a waiting request needs somebody for, with the standing whose people may do them. */
const NEEDED: readonly { verb: V.Approve | V.Opinion; standing: Standing }[] = [
  { verb: V.Approve, standing: 'accountable' },
  { verb: V.Opinion, standing: 'consulted' },
];

/**
 * Finds the decisions nobody could take: fewer active users of the Accountable party the table of
 * who acts allows to approve (the submitter never is: four eyes) than its quorum needs, or a
 * Consulted party still awaited with nobody allowed to give its opinion.
 */
@Injectable()
export class DeciderDirectory {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  /** `organizations`: the request's and the provider's, if the caller read them already. */
  async missing(
    request: DeciderCheck,
    awaited: readonly Party[],
    organizations?: Organization[],
  ): Promise<MissingDecider[]> {
    organizations ??= await this.organizations.withProvider([request.organizationId]);
    const relevant = organizations.filter(
      (o) => partyOfKind(o.kind) !== Party.Customer || o.id === request.organizationId,
    );
    const members = await this.users.membersOf(relevant.map((o) => o.id));
    const byParty = new Map(relevant.map((o) => [partyOfKind(o.kind), o]));
    return missingDeciders(request, awaited, (party) => {
      const organization = byParty.get(party);
      return organization
        ? { organization, people: members.filter((u) => u.organizationId === organization.id) }
        : undefined;
    });
  }
}

/** The pure rule behind `DeciderDirectory.missing`, given the active people of each party. */
export function missingDeciders(
  request: RequestParties & { approvalsRequired?: number },
  awaited: readonly Party[],
  peopleOf: (
    party: Party,
  ) => { organization: MissingDecider['organization']; people: User[] } | undefined,
): MissingDecider[] {
  return NEEDED.flatMap(({ verb, standing }) => {
    const parties = standing === 'accountable' ? [request.accountable] : awaited;
    return parties.flatMap((party) => {
      const found = peopleOf(party);
      if (!found) return [];
      const needed = verb === V.Approve ? (request.approvalsRequired ?? 1) : 1;
      const able = found.people.filter(
        (user) => judge(verb, { userId: user.id, party, roles: user.roles }, request).allowed,
      ).length;
      if (able >= needed) return [];
      const { id, name } = found.organization;
      return [{ verb, party, organization: { id, name }, needed, able }];
    });
  });
}

/** The roles that would let somebody of the party take the decision, as the table declares them. */
export function rolesFor(verb: V.Approve | V.Opinion): Role[] {
  return WHO_ACTS[verb].actors.flatMap((actor) => actor.roles ?? []);
}

/** The 422 that names the party nobody could act for, and who to add to it. */
export function noEligibleDecider(missing: MissingDecider): RequestsException {
  const code = missing.verb === V.Approve ? Code.NoEligibleApprover : Code.NoEligibleConsultant;
  return new RequestsException(code, {
    party: missing.party,
    organization: missing.organization.name,
    organizationId: missing.organization.id,
    roles: rolesFor(missing.verb).join(' or '),
    // Said only of a quorum: with one approver needed, the answer reads as it always has.
    ...(missing.needed > 1
      ? {
          needed: missing.needed,
          able: missing.able,
          quorum: ` in the number its quorum needs (${missing.needed} distinct approvers; ${missing.able} could)`,
        }
      : {}),
  });
}
