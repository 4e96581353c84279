import { QueryFailedError } from 'typeorm';
import { fakeAdminAudit, inOneTransaction } from '@app/audit/testing/admin-audit.fixture';
import { Plan } from '@app/catalog';
import { Organization } from '../entities/organization.entity';
import { OrganizationsService } from '../organizations.service';
import { PartiesErrorCode, PartiesException } from '../parties.exception';
import { Locale, OrganizationKind, Role } from '../parties.types';
import { CUSTOMER_A, CUSTOMER_B, principal, PROVIDER_ORG } from '../testing/principal.fixture';
import { UpdateOrganizationService } from './update-organization.service';

const stored = (id = CUSTOMER_A, kind = OrganizationKind.Customer) =>
  Object.assign(new Organization(), {
    id,
    kind,
    name: 'Globex',
    plan: kind === OrganizationKind.Customer ? Plan.OnRequest : null,
    onDemand: false,
    contactEmails: ['ops@globex.test'],
    locale: Locale.En,
  });

describe('UpdateOrganizationService', () => {
  let save: jest.Mock;
  let audit: ReturnType<typeof fakeAdminAudit>;
  let service: UpdateOrganizationService;
  const customerAdmin = principal(CUSTOMER_A, [Role.Admin]);
  const providerAdmin = principal(PROVIDER_ORG, [Role.Admin]);

  beforeEach(() => {
    save = jest.fn((row: Organization) => Promise.resolve(row));
    const organizations = {
      get: (viewer: typeof customerAdmin, id: string) =>
        viewer.organizationId === PROVIDER_ORG || viewer.organizationId === id
          ? Promise.resolve(stored(id, id === PROVIDER_ORG ? OrganizationKind.Provider : undefined))
          : Promise.reject(new PartiesException(PartiesErrorCode.OrganizationNotFound, { id })),
    } as unknown as OrganizationsService;
    const repository = { findOneBy: ({ id }: { id: string }) => Promise.resolve(stored(id)), save };
    audit = fakeAdminAudit();
    service = new UpdateOrganizationService(organizations, inOneTransaction(repository), audit);
  });

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    );

  it('lets its admin change name, contact emails and locale, recording only what differs', async () => {
    const changed = await service.update(customerAdmin, CUSTOMER_A, {
      name: ' Globex ',
      contactEmails: ['OPS@globex.test', 'it@globex.test'],
      locale: Locale.Fr,
    });
    expect(changed).toMatchObject({
      contactEmails: ['ops@globex.test', 'it@globex.test'],
      locale: 'fr',
    });
    expect(audit.record).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'organization.updated',
        changes: {
          contactEmails: { from: ['ops@globex.test'], to: ['ops@globex.test', 'it@globex.test'] },
          locale: { from: 'en', to: 'fr' },
        },
      }),
    );
  });

  it('answers the whole organization when only some fields change', async () => {
    const changed = await service.update(customerAdmin, CUSTOMER_A, { name: 'Globex 2' });
    expect(changed).toMatchObject({
      name: 'Globex 2',
      contactEmails: ['ops@globex.test'],
      locale: Locale.En,
    });
  });

  it('lets only provider admins change a customer’s subscription', async () => {
    const subscription = { plan: Plan.SelfService, onDemand: true };
    expect(await codeOf(service.update(customerAdmin, CUSTOMER_A, { subscription }))).toBe(
      'PROVIDER_ADMIN_REQUIRED',
    );
    const changed = await service.update(providerAdmin, CUSTOMER_A, { subscription });
    expect(changed).toMatchObject({ plan: Plan.SelfService, onDemand: true, name: 'Globex' });
    expect(changed.contactEmails).toEqual(['ops@globex.test']);
    expect(await codeOf(service.update(providerAdmin, PROVIDER_ORG, { subscription }))).toBe(
      'NOT_A_CUSTOMER',
    );
  });

  it('refuses a non-admin, another customer’s admin, and a taken name', async () => {
    const change = { locale: Locale.Fr };
    expect(
      await codeOf(service.update(principal(CUSTOMER_A, [Role.Approver]), CUSTOMER_A, change)),
    ).toBe('ADMIN_REQUIRED');
    expect(
      await codeOf(service.update(principal(CUSTOMER_B, [Role.Admin]), CUSTOMER_A, change)),
    ).toBe('ORGANIZATION_NOT_FOUND');
    save.mockRejectedValue(
      new QueryFailedError('UPDATE', [], Object.assign(new Error('dup'), { code: '23505' })),
    );
    expect(await codeOf(service.update(customerAdmin, CUSTOMER_A, { name: 'Initech' }))).toBe(
      'ORGANIZATION_NAME_TAKEN',
    );
  });
});
