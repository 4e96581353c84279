import { randomUUID } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AdminAction, AdminAuditService, created } from '@app/audit';
import {
  AppConfig,
  isUniqueViolation,
  oldestFirstPage,
  Page,
  PageRequest,
  TransactionRunner,
} from '@app/core';
import { AccessPolicy } from './access-policy';
import { Organization } from './entities/organization.entity';
import { isUuid } from './is-uuid';
import { PartiesErrorCode, PartiesException } from './parties.exception';
import {
  CreateOrganizationInput,
  Locale,
  OrganizationKind,
  Principal,
  Subscription,
} from './parties.types';

/** Organizations: the one provider, created at start, and its customers, the tenants. */
@Injectable()
export class OrganizationsService implements OnApplicationBootstrap {
  private providerId?: string;

  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureProviderOrganization();
  }

  /** Creates the provider organization, named by PROVIDER_NAME, unless it exists. */
  async ensureProviderOrganization(): Promise<Organization> {
    const existing = await this.organizations.findOneBy({ kind: OrganizationKind.Provider });
    if (existing) return this.rememberProvider(existing);
    const provider = newOrganization(OrganizationKind.Provider, {
      name: this.config.env.PROVIDER_NAME,
      subscription: null,
      contactEmails: [],
    });
    try {
      await this.organizations.insert(provider);
      return this.rememberProvider(provider);
    } catch (error) {
      // Another process starting at the same moment may have created it first.
      const created = isUniqueViolation(error)
        ? await this.organizations.findOneBy({ kind: OrganizationKind.Provider })
        : null;
      if (!created) throw error;
      return this.rememberProvider(created);
    }
  }

  async providerOrganizationId(): Promise<string> {
    return this.providerId ?? (await this.ensureProviderOrganization()).id;
  }

  /** A new customer organization; provider admins only. */
  async create(principal: Principal, input: CreateOrganizationInput): Promise<Organization> {
    AccessPolicy.requireProviderAdmin(principal);
    const organization = newOrganization(OrganizationKind.Customer, input);
    if (await this.organizations.existsBy({ name: organization.name })) {
      throw new PartiesException(PartiesErrorCode.OrganizationNameTaken, {
        name: organization.name,
      });
    }
    try {
      await this.transactions.run(async (manager) => {
        await manager.insert(Organization, organization);
        await this.audit.record(manager, {
          organizationId: organization.id,
          actor: principal,
          action: AdminAction.OrganizationCreated,
          subjectType: 'organization',
          subjectId: organization.id,
          changes: created({
            name: organization.name,
            subscription: subscriptionOf(organization),
            contactEmails: organization.contactEmails,
            locale: organization.locale,
          }),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new PartiesException(PartiesErrorCode.OrganizationNameTaken, {
          name: organization.name,
        });
      throw error;
    }
    return organization;
  }

  /** Every organization for provider users; only its own for a customer user. */
  list(principal: Principal, page: PageRequest = {}): Promise<Page<Organization>> {
    return oldestFirstPage(
      this.organizations,
      AccessPolicy.isProvider(principal) ? {} : { id: principal.organizationId },
      page,
    );
  }

  /** One organization; another tenant's is "not found", never "forbidden". */
  async get(principal: Principal, id: string): Promise<Organization> {
    const visible = isUuid(id) && AccessPolicy.canSee(principal, id);
    const organization = visible ? await this.organizations.findOneBy({ id }) : null;
    if (!organization) throw new PartiesException(PartiesErrorCode.OrganizationNotFound, { id });
    return organization;
  }

  /** One organization, for the engine's own use (never a caller's read). */
  findById(id: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  /** The provider and the given organizations, for the engine's own use (never a caller's read). */
  withProvider(ids: readonly string[]): Promise<Organization[]> {
    return this.organizations.find({
      where: [{ kind: OrganizationKind.Provider }, ...ids.map((id) => ({ id }))],
    });
  }

  /** Every customer organization, for the engine's own use (a change of the matrix informs them all). */
  customers(): Promise<Organization[]> {
    return this.organizations.find({
      where: { kind: OrganizationKind.Customer },
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Sets how many extra packages of a quota unit a customer bought for its current subscription
   * period (e.g. Data Masking's packages of 10 anonymization treatments). Provider admins only.
   */
  async setQuotaPackages(
    principal: Principal,
    id: string,
    unit: string,
    packages: number,
  ): Promise<Organization> {
    AccessPolicy.requireProviderAdmin(principal);
    const organization = await this.get(principal, id);
    if (organization.kind !== OrganizationKind.Customer)
      throw new PartiesException(PartiesErrorCode.NotACustomer, { id });
    const before = organization.quotaPackages;
    organization.quotaPackages = { ...before, [unit]: packages };
    organization.updatedAt = new Date();
    await this.transactions.run(async (manager) => {
      await manager.update(
        Organization,
        { id },
        { quotaPackages: organization.quotaPackages, updatedAt: organization.updatedAt },
      );
      await this.audit.record(manager, {
        organizationId: id,
        actor: principal,
        action: AdminAction.QuotaPackagesChanged,
        subjectType: 'organization',
        subjectId: id,
        changes: { [`quotaPackages.${unit}`]: { from: before[unit] ?? 0, to: packages } },
      });
    });
    return organization;
  }

  /**
   * The customer organization a request is for: a customer user's own (naming another one is
   * "not found"); for a provider user, the customer organization it must name.
   */
  async resolveRequestOrganization(
    principal: Principal,
    organizationId?: string,
  ): Promise<Organization> {
    return (await this.resolveRequestParties(principal, organizationId)).organization;
  }

  /**
   * As `resolveRequestOrganization`, with the provider read in the same statement: the
   * organizations of the parties a submission checks its deciders in (`withProvider`).
   */
  async resolveRequestParties(
    principal: Principal,
    organizationId?: string,
  ): Promise<{ organization: Organization; organizations: Organization[] }> {
    const provider = AccessPolicy.isProvider(principal);
    const id = provider ? organizationId : (organizationId ?? principal.organizationId);
    if (!id) throw new PartiesException(PartiesErrorCode.OrganizationRequired);
    const visible = isUuid(id) && AccessPolicy.canSee(principal, id);
    const organizations = visible ? await this.withProvider([id]) : [];
    const organization = organizations.find((o) => o.id === id);
    if (!organization) throw new PartiesException(PartiesErrorCode.OrganizationNotFound, { id });
    if (provider && organization.kind !== OrganizationKind.Customer) {
      throw new PartiesException(PartiesErrorCode.NotACustomer, { id });
    }
    return { organization, organizations };
  }

  private rememberProvider(provider: Organization): Organization {
    this.providerId = provider.id;
    return provider;
  }
}

function newOrganization(
  kind: OrganizationKind,
  input: Omit<CreateOrganizationInput, 'subscription'> & {
    subscription: CreateOrganizationInput['subscription'] | null;
  },
): Organization {
  const now = new Date();
  return Object.assign(new Organization(), {
    id: randomUUID(),
    name: input.name.trim(),
    kind,
    plan: input.subscription?.plan ?? null,
    onDemand: input.subscription?.onDemand ?? false,
    contactEmails: [...new Set(input.contactEmails.map((email) => email.trim().toLowerCase()))],
    locale: input.locale ?? Locale.En,
    subscriptionStartedAt: now,
    quotaPackages: {},
    createdAt: now,
    updatedAt: now,
  });
}

/** The subscription as the API shows it; null for the provider. */
export function subscriptionOf(organization: Organization): Subscription | null {
  return organization.plan ? { plan: organization.plan, onDemand: organization.onDemand } : null;
}
