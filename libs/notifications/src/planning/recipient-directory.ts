import { Injectable } from '@nestjs/common';
import { Catalog, Party, PARTIES, RaciLetters } from '@app/catalog';
import {
  Locale,
  Organization,
  OrganizationKind,
  OrganizationsService,
  Role,
  User,
  UsersService,
} from '@app/parties';
import {
  HeldBy,
  HeldDelegations,
  judgeWithDelegations,
  RequestParties,
  RequestView,
} from '@app/requests';
import { Audience, VERB_ASKED_OF } from './audience';
import { isMatrixChange } from './matrix-change';

export interface Recipient {
  email: string;
  organization: Organization;
  /** The user behind the address; none for an organization's contact mailbox. */
  userId?: string;
}

/**
 * Finds the people and mailboxes behind the parties of a request. Those asked to act are exactly
 * those the one table of who acts allows to do what they are asked: the same rule as the policy,
 * so a delegate is asked, during their window, what their delegator is asked.
 */
@Injectable()
export class RecipientDirectory {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly catalog: Catalog,
    private readonly delegations: HeldDelegations,
  ) {}

  /** The provider organization and the request's customer, by party. */
  async organizationsOf(request: Pick<RequestView, 'id' | 'organizationId'>) {
    const found = await this.organizations.withProvider([request.organizationId]);
    const provider = found.find((o) => o.kind === OrganizationKind.Provider);
    const customer = found.find((o) => o.id === request.organizationId);
    if (!provider || !customer) throw new Error(`organizations of request ${request.id} not found`);
    return { [Party.Provider]: provider, [Party.Customer]: customer } as Record<
      Party,
      Organization
    >;
  }

  async recipients(
    audience: Audience,
    request: RequestView,
    organizations: Record<Party, Organization>,
  ): Promise<Recipient[]> {
    return (await this.recipientsOf([audience], request, organizations)).get(audience) ?? [];
  }

  /**
   * The recipients of each audience of one event, from one read of the parties' members (and one
   * of their delegations, where someone is asked), whatever the number of audiences.
   */
  async recipientsOf(
    audiences: readonly Audience[],
    request: RequestView,
    organizations: Record<Party, Organization>,
  ): Promise<Map<Audience, Recipient[]>> {
    const partiesOf = (audience: Audience) =>
      audience === Audience.Informed ? request.informed : PARTIES;
    const parties = [...new Set(audiences.flatMap(partiesOf))];
    const members = await this.users.membersOf(parties.map((party) => organizations[party].id));
    // The letters of the catalog version the request was routed under.
    const letters = (await this.catalog.at(request.catalogVersion)).lettersOf(request.action);
    const asks = audiences.some((a) => a !== Audience.Informed && a !== Audience.Escalation);
    const held = asks ? await this.delegations.of(members.map((user) => user.id)) : [];
    // A change of the matrix concerns every customer: each customer organization is Informed.
    const everyCustomer =
      audiences.includes(Audience.Informed) && isMatrixChange(request)
        ? await this.organizations.customers()
        : null;
    const recipientsOf = (audience: Audience): Recipient[] =>
      partiesOf(audience).flatMap((party) => {
        const organization = organizations[party];
        if (audience === Audience.Informed && everyCustomer && party === Party.Customer) {
          return everyCustomer.flatMap((customer) =>
            customer.contactEmails.map((email) => ({ email, organization: customer })),
          );
        }
        const people = members.filter((user) => user.organizationId === organization.id);
        if (audience === Audience.Informed) {
          // The organization's mailboxes, and the submitter if they belong to this party.
          const submitter = people.filter((user) => user.id === request.submittedBy.id);
          return [
            ...organization.contactEmails.map((email) => ({ email, organization })),
            ...submitter.map((user) => ({ email: user.email, organization, userId: user.id })),
          ];
        }
        return people
          .filter((user) => this.isAsked(audience, user, party, request, letters, held))
          .map((user) => ({ email: user.email, organization, userId: user.id }));
      });
    return new Map(audiences.map((audience) => [audience, recipientsOf(audience)]));
  }

  /** Escalations go to the Accountable party's admins; every other ask, to who may do it. */
  private isAsked(
    audience: Audience,
    user: User,
    party: Party,
    request: RequestView,
    letters: RaciLetters,
    held: readonly HeldBy[],
  ): boolean {
    if (audience === Audience.Escalation) {
      return party === request.accountable && user.roles.includes(Role.Admin);
    }
    const verb = VERB_ASKED_OF[audience as keyof typeof VERB_ASKED_OF];
    // Those whose approval already counts towards the quorum are no longer asked, nor reminded.
    if (audience === Audience.ApprovalNeeded && hasApproved(user.id, request)) return false;
    const parties: RequestParties = {
      ...request,
      submittedBy: request.submittedBy.id,
      letters,
    };
    const theirs = held.filter((delegation) => delegation.delegateId === user.id);
    return judgeWithDelegations(
      verb,
      { userId: user.id, party, roles: user.roles },
      parties,
      theirs,
    ).allowed;
  }
}

/** Whether the person's approval (their own, or a delegate's for them) counts on the request. */
export function hasApproved(userId: string, request: Pick<RequestView, 'approvals'>): boolean {
  return (request.approvals ?? []).some(
    (approval) => approval.void === null && (approval.onBehalfOf ?? approval.by) === userId,
  );
}

export function localeOf(organization: Organization): Locale {
  return organization.locale ?? Locale.En;
}
