import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Party } from '@app/catalog';
import { Locale, Organization, OrganizationKind, Role, User } from '@app/parties';
import { Request } from '@app/requests';
import { Audience } from './audience';

export interface Recipient {
  email: string;
  organization: Organization;
  /** The user behind the address; none for an organization's contact mailbox. */
  userId?: string;
}

/** Which role of a party each audience reaches; Informed parties are reached at their contact emails. */
const ROLE_OF: Record<Exclude<Audience, Audience.Informed>, Role> = {
  [Audience.ApprovalNeeded]: Role.Approver,
  [Audience.OpinionRequested]: Role.Consultant,
  [Audience.WorkAssigned]: Role.Operator,
  [Audience.Escalation]: Role.Admin,
};

/** Finds the people and mailboxes behind the parties of a request. */
@Injectable()
export class RecipientDirectory {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** The provider organization and the request's customer, by party. */
  async organizationsOf(request: Request): Promise<Record<Party, Organization>> {
    const found = await this.organizations.find({
      where: [{ kind: OrganizationKind.Provider }, { id: request.organizationId }],
    });
    const provider = found.find((o) => o.kind === OrganizationKind.Provider);
    const customer = found.find((o) => o.id === request.organizationId);
    if (!provider || !customer) throw new Error(`organizations of request ${request.id} not found`);
    return { [Party.Provider]: provider, [Party.Customer]: customer };
  }

  async recipients(
    audience: Audience,
    request: Request,
    organizations: Record<Party, Organization>,
  ): Promise<Recipient[]> {
    const parties = partiesOf(audience, request);
    const users = await this.users.find({
      where: { organizationId: In(parties.map((p) => organizations[p].id)) },
      order: { email: 'ASC' },
    });
    return parties.flatMap((party) => {
      const organization = organizations[party];
      const members = users.filter((user) => user.organizationId === organization.id);
      if (audience === Audience.Informed) {
        // The organization's mailboxes, and the submitter if they belong to this party.
        const submitter = members
          .filter((user) => user.id === request.submittedBy)
          .map((user) => user.email);
        return [...organization.contactEmails, ...submitter].map((email) => ({
          email,
          organization,
        }));
      }
      // An approver is never asked to approve a request they submitted (four eyes).
      const role = ROLE_OF[audience];
      return members
        .filter(
          (user) =>
            user.roles.includes(role) &&
            !(audience === Audience.ApprovalNeeded && user.id === request.submittedBy),
        )
        .map((user) => ({ email: user.email, organization, userId: user.id }));
    });
  }
}

function partiesOf(audience: Audience, request: Request): Party[] {
  switch (audience) {
    case Audience.ApprovalNeeded:
    case Audience.Escalation:
      return [request.accountable];
    case Audience.OpinionRequested:
      return request.consulted;
    case Audience.WorkAssigned:
      return [request.performer];
    case Audience.Informed:
      return request.informed;
  }
}

export function localeOf(organization: Organization): Locale {
  return organization.locale ?? Locale.En;
}
