import { Injectable } from '@nestjs/common';
import { AdminAction, AdminAuditService, diff } from '@app/audit';
import { isUniqueViolation, TransactionRunner } from '@app/core';
import { AccessPolicy } from '../access-policy';
import { Organization } from '../entities/organization.entity';
import { OrganizationsService, subscriptionOf } from '../organizations.service';
import { PartiesErrorCode as Code, PartiesException } from '../parties.exception';
import { OrganizationKind, Principal, UpdateOrganizationInput } from '../parties.types';

/**
 * Changes an organization: its name, contact emails and locale (its admins, provider admins); its
 * subscription (provider admins only). The change and its audit entry commit together.
 */
@Injectable()
export class UpdateOrganizationService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
  ) {}

  async update(
    principal: Principal,
    id: string,
    input: UpdateOrganizationInput,
  ): Promise<Organization> {
    const organization = await this.organizations.get(principal, id);
    AccessPolicy.requireAdmin(principal, organization.id);
    if (input.subscription && !AccessPolicy.isProviderAdmin(principal))
      throw new PartiesException(Code.ProviderAdminRequired, { what: 'the subscription' });
    if (input.subscription && organization.kind !== OrganizationKind.Customer)
      throw new PartiesException(Code.NotACustomer, { id });
    const wanted = normalized(input);
    try {
      return await this.transactions.run(async (manager) => {
        await this.audit.lockChain(manager, id);
        const current = await manager.findOneByOrFail(Organization, { id });
        const changes = diff(fieldsOf(current), wanted);
        if (Object.keys(changes).length === 0) return current;
        const { subscription, ...rest } = wanted;
        // Only the fields asked for: an absent one must not blank the answer's copy of it.
        const asked = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        Object.assign(current, asked, subscription ?? {}, { updatedAt: new Date() });
        await manager.save(Organization, current);
        await this.audit.record(manager, {
          organizationId: id,
          actor: principal,
          action: AdminAction.OrganizationUpdated,
          subjectType: 'organization',
          subjectId: id,
          changes,
        });
        return current;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new PartiesException(Code.OrganizationNameTaken, { name: wanted.name });
    }
  }
}

/** The fields a change may touch, as they are now. */
function fieldsOf(organization: Organization): UpdateOrganizationInput {
  const { name, contactEmails, locale } = organization;
  return { name, contactEmails, locale, subscription: subscriptionOf(organization) ?? undefined };
}

/** The change asked for, spelled as stored: trimmed name, distinct lower-case emails. */
function normalized(input: UpdateOrganizationInput): UpdateOrganizationInput {
  const { subscription } = input;
  return {
    name: input.name?.trim(),
    contactEmails: input.contactEmails && [
      ...new Set(input.contactEmails.map((email) => email.trim().toLowerCase())),
    ],
    locale: input.locale,
    subscription: subscription && { plan: subscription.plan, onDemand: subscription.onDemand },
  };
}
