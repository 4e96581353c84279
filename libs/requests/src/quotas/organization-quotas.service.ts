import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Catalog } from '@app/catalog';
import {
  OrganizationKind,
  OrganizationsService,
  PartiesErrorCode,
  PartiesException,
  Principal,
} from '@app/parties';
import { QuotaUsage, RequestQuota } from '../domain/request-quota';

/**
 * Where a customer stands against each quota the catalog states for the actions of its plan,
 * counted exactly as a submission counts it. Its own users and the provider's see it.
 */
@Injectable()
export class OrganizationQuotas {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly catalog: Catalog,
    private readonly quota: RequestQuota,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async of(principal: Principal, organizationId: string): Promise<QuotaUsage[]> {
    const organization = await this.organizations.get(principal, organizationId);
    if (organization.kind !== OrganizationKind.Customer || !organization.plan)
      throw new PartiesException(PartiesErrorCode.NotACustomer, { id: organizationId });
    const now = new Date();
    const actions = this.catalog
      .actions({ plan: organization.plan, requestable: true })
      .filter((action) => action.quota);
    const usages = await Promise.all(
      actions.map((action) => this.quota.usage(this.dataSource.manager, action, organization, now)),
    );
    return usages.filter((usage): usage is QuotaUsage => usage !== null);
  }
}
