import { DataSource } from 'typeorm';
import { Catalog, CatalogAction, Plan } from '@app/catalog';
import { Organization, OrganizationKind, OrganizationsService, Role } from '@app/parties';
import { CUSTOMER_A, principal, PROVIDER_ORG } from '@app/parties/testing/principal.fixture';
import { RequestQuota } from '../domain/request-quota';
import { OrganizationQuotas } from './organization-quotas.service';

const QUOTA = { unit: 'anonymization-treatment', included: 10, periodMonths: 12, packageSize: 10 };

describe('OrganizationQuotas', () => {
  const subscribedAt = new Date('2026-01-15T00:00:00Z');
  let count: jest.Mock;
  let actions: jest.Mock;
  let quotas: OrganizationQuotas;

  const organization = (id: string, kind = OrganizationKind.Customer) =>
    Object.assign(new Organization(), {
      id,
      kind,
      plan: kind === OrganizationKind.Customer ? Plan.OnRequest : null,
      subscriptionStartedAt: subscribedAt,
      quotaPackages: { 'anonymization-treatment': 2 },
    });

  beforeEach(() => {
    count = jest.fn().mockResolvedValue(3);
    actions = jest
      .fn()
      .mockReturnValue([
        { key: 'data-masking.run', quota: QUOTA } as CatalogAction,
        { key: 'mariadb.add-read-only-replica' } as CatalogAction,
      ]);
    const organizations = {
      get: (_viewer: unknown, id: string) =>
        Promise.resolve(
          organization(id, id === PROVIDER_ORG ? OrganizationKind.Provider : undefined),
        ),
    } as unknown as OrganizationsService;
    quotas = new OrganizationQuotas(
      organizations,
      { actions } as unknown as Catalog,
      new RequestQuota(),
      { manager: { count } } as unknown as DataSource,
    );
  });

  it('counts each quota of the plan’s actions as a submission does, packages included', async () => {
    const [usage, ...others] = await quotas.of(principal(CUSTOMER_A, [Role.Requester]), CUSTOMER_A);
    expect(others).toEqual([]);
    expect(actions).toHaveBeenCalledWith({ plan: Plan.OnRequest, requestable: true });
    expect(usage).toMatchObject({
      action: 'data-masking.run',
      included: 10,
      packages: 2,
      allowed: 30,
      used: 3,
      remaining: 27,
      periodMonths: 12,
    });
    expect(usage.periodEnd.getTime() - usage.periodStart.getTime()).toBeGreaterThan(0);
    expect(count).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ where: expect.objectContaining({ organizationId: CUSTOMER_A }) }),
    );
  });

  it('has nothing to say of the provider (400 NOT_A_CUSTOMER)', async () => {
    await expect(
      quotas.of(principal(PROVIDER_ORG, [Role.Admin]), PROVIDER_ORG),
    ).rejects.toMatchObject({ code: 'NOT_A_CUSTOMER' });
  });
});
