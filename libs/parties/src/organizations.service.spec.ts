import { QueryFailedError, Repository } from 'typeorm';
import { Plan } from '@app/catalog';
import { fakeAdminAudit, inOneTransaction } from '@app/audit/testing/admin-audit.fixture';
import { AppConfig } from '@app/core';
import { Organization } from './entities/organization.entity';
import { OrganizationsService } from './organizations.service';
import { PartiesErrorCode } from './parties.exception';
import { Locale, OrganizationKind, Role } from './parties.types';
import { CUSTOMER_A, CUSTOMER_B, principal, PROVIDER_ORG } from './testing/principal.fixture';

const organization = (id: string, kind = OrganizationKind.Customer) =>
  Object.assign(new Organization(), { id, kind, name: `org ${id}` });

describe('OrganizationsService', () => {
  let repository: jest.Mocked<
    Pick<Repository<Organization>, 'findOneBy' | 'existsBy' | 'insert' | 'find'>
  >;
  let service: OrganizationsService;
  const providerAdmin = principal(PROVIDER_ORG, [Role.Admin]);
  const customer = principal(CUSTOMER_A, [Role.Requester]);

  beforeEach(() => {
    repository = {
      findOneBy: jest.fn(),
      existsBy: jest.fn().mockResolvedValue(false),
      insert: jest.fn().mockResolvedValue(undefined),
      find: jest.fn().mockResolvedValue([]),
    };
    service = new OrganizationsService(
      repository as unknown as Repository<Organization>,
      AppConfig.fromEnv({ PROVIDER_NAME: 'Acme Cloud' }),
      inOneTransaction(repository),
      fakeAdminAudit(),
    );
  });

  describe('ensureProviderOrganization', () => {
    it('creates the provider named by PROVIDER_NAME when there is none', async () => {
      repository.findOneBy.mockResolvedValue(null);
      const provider = await service.ensureProviderOrganization();
      expect(provider).toMatchObject({
        name: 'Acme Cloud',
        kind: OrganizationKind.Provider,
        plan: null,
        contactEmails: [],
      });
      expect(repository.insert).toHaveBeenCalledWith(provider);
      expect(await service.providerOrganizationId()).toBe(provider.id);
    });

    it('keeps the existing provider', async () => {
      repository.findOneBy.mockResolvedValue(organization(PROVIDER_ORG, OrganizationKind.Provider));
      await service.ensureProviderOrganization();
      expect(repository.insert).not.toHaveBeenCalled();
      expect(await service.providerOrganizationId()).toBe(PROVIDER_ORG);
    });

    it('takes the provider another process created at the same moment', async () => {
      repository.findOneBy
        .mockResolvedValueOnce(null)
        .mockResolvedValueOnce(organization(PROVIDER_ORG, OrganizationKind.Provider));
      repository.insert.mockRejectedValue(
        new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' })),
      );
      expect((await service.ensureProviderOrganization()).id).toBe(PROVIDER_ORG);
    });
  });

  describe('create', () => {
    const input = {
      name: ' Customer One ',
      subscription: { plan: Plan.OnRequest, onDemand: true },
      contactEmails: ['Ops@Customer.test', 'ops@customer.test'],
    };

    it('creates a customer organization with its subscription', async () => {
      const created = await service.create(providerAdmin, input);
      expect(created).toMatchObject({
        name: 'Customer One',
        kind: OrganizationKind.Customer,
        plan: Plan.OnRequest,
        onDemand: true,
        contactEmails: ['ops@customer.test'],
        locale: Locale.En,
        quotaPackages: {},
      });
      expect(repository.insert).toHaveBeenCalledWith(created);
    });

    it('is for provider admins only', async () => {
      await expect(
        service.create(principal(CUSTOMER_A, [Role.Admin]), input),
      ).rejects.toMatchObject({ code: PartiesErrorCode.AdminRequired });
      await expect(
        service.create(principal(PROVIDER_ORG, [Role.Operator]), input),
      ).rejects.toMatchObject({ code: PartiesErrorCode.AdminRequired });
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('refuses a name already taken', async () => {
      repository.existsBy.mockResolvedValue(true);
      await expect(service.create(providerAdmin, input)).rejects.toMatchObject({
        code: PartiesErrorCode.OrganizationNameTaken,
        status: 409,
      });
    });
  });

  it('lists every organization for the provider, only its own for a customer', async () => {
    await service.list(providerAdmin);
    expect(repository.find).toHaveBeenLastCalledWith(expect.objectContaining({ where: {} }));
    await service.list(customer);
    expect(repository.find).toHaveBeenLastCalledWith(
      expect.objectContaining({ where: { id: CUSTOMER_A } }),
    );
  });

  describe('get', () => {
    it('answers another tenant with 404 without looking it up', async () => {
      await expect(service.get(customer, CUSTOMER_B)).rejects.toMatchObject({
        code: PartiesErrorCode.OrganizationNotFound,
        status: 404,
      });
      expect(repository.findOneBy).not.toHaveBeenCalled();
    });

    it('answers a malformed or unknown id with 404', async () => {
      repository.findOneBy.mockResolvedValue(null);
      await expect(service.get(providerAdmin, 'nope')).rejects.toMatchObject({ status: 404 });
      await expect(service.get(providerAdmin, CUSTOMER_B)).rejects.toMatchObject({ status: 404 });
    });
  });

  describe('resolveRequestOrganization', () => {
    it("gives a customer user its own organization, and 404 for another's", async () => {
      repository.find.mockResolvedValue([organization(CUSTOMER_A)]);
      expect((await service.resolveRequestOrganization(customer)).id).toBe(CUSTOMER_A);
      await expect(service.resolveRequestOrganization(customer, CUSTOMER_B)).rejects.toMatchObject({
        code: PartiesErrorCode.OrganizationNotFound,
      });
    });

    it('makes a provider user name a customer organization', async () => {
      const operator = principal(PROVIDER_ORG, [Role.Operator]);
      await expect(service.resolveRequestOrganization(operator)).rejects.toMatchObject({
        code: PartiesErrorCode.OrganizationRequired,
        status: 400,
      });
      repository.find.mockResolvedValue([organization(PROVIDER_ORG, OrganizationKind.Provider)]);
      await expect(
        service.resolveRequestOrganization(operator, PROVIDER_ORG),
      ).rejects.toMatchObject({ code: PartiesErrorCode.NotACustomer, status: 400 });
      repository.find.mockResolvedValue([
        organization(PROVIDER_ORG, OrganizationKind.Provider),
        organization(CUSTOMER_B),
      ]);
      expect((await service.resolveRequestOrganization(operator, CUSTOMER_B)).id).toBe(CUSTOMER_B);
    });
  });
});
