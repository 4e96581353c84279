import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { fakeAdminAudit } from '@app/audit/testing/admin-audit.fixture';
import { TransactionRunner } from '@app/core';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationsService } from './organizations.service';
import { PartiesErrorCode, PartiesException } from './parties.exception';
import { OrganizationKind, Role } from './parties.types';
import { CUSTOMER_A, CUSTOMER_B, principal, PROVIDER_ORG } from './testing/principal.fixture';
import { TokensService } from './tokens.service';
import { UsersService } from './users.service';

const ISSUED = {
  id: 'token-id',
  token: 'raci_secret',
  prefix: 'raci_secret',
  createdAt: new Date(),
};

describe('UsersService', () => {
  let users: jest.Mocked<Pick<Repository<User>, 'existsBy' | 'insert' | 'find' | 'findOneBy'>>;
  let issueFor: jest.Mock;
  let service: UsersService;
  const input = {
    email: ' Ada@Customer.TEST ',
    name: 'Ada',
    roles: [Role.Requester, Role.Requester],
  };

  beforeEach(() => {
    users = {
      existsBy: jest.fn().mockResolvedValue(false),
      insert: jest.fn().mockResolvedValue(undefined),
      find: jest.fn().mockResolvedValue([]),
      findOneBy: jest.fn().mockResolvedValue(null),
    };
    issueFor = jest.fn().mockResolvedValue(ISSUED);
    const manager = { getRepository: () => users } as unknown as EntityManager;
    // Collaborators as the real ones behave towards this class: tenancy (404) and issuing.
    const organizations = {
      get: (viewer, id) =>
        viewer.kind === OrganizationKind.Provider || viewer.organizationId === id
          ? Promise.resolve(Object.assign(new Organization(), { id }))
          : Promise.reject(new PartiesException(PartiesErrorCode.OrganizationNotFound, { id })),
    } as Pick<OrganizationsService, 'get'>;
    service = new UsersService(
      users as unknown as Repository<User>,
      organizations as OrganizationsService,
      { issueFor } as unknown as TokensService,
      { run: (work) => work(manager) } as TransactionRunner,
      fakeAdminAudit(),
    );
  });

  describe('create', () => {
    it('stores the user with its email lower-cased and returns its first token', async () => {
      const { user, token } = await service.create(
        principal(PROVIDER_ORG, [Role.Admin]),
        CUSTOMER_A,
        input,
      );
      expect(user).toMatchObject({
        organizationId: CUSTOMER_A,
        email: 'ada@customer.test',
        name: 'Ada',
        roles: [Role.Requester],
      });
      expect(users.insert).toHaveBeenCalledWith(user);
      expect(issueFor).toHaveBeenCalledWith(user, expect.anything(), expect.anything());
      expect(token).toBe(ISSUED);
    });

    it('lets a customer admin add users to its own organization only', async () => {
      const admin = principal(CUSTOMER_A, [Role.Admin]);
      await service.create(admin, CUSTOMER_A, input);
      await expect(service.create(admin, CUSTOMER_B, input)).rejects.toMatchObject({
        code: PartiesErrorCode.OrganizationNotFound,
        status: 404,
      });
    });

    it('refuses non-admins', async () => {
      await expect(
        service.create(principal(CUSTOMER_A, [Role.Requester]), CUSTOMER_A, input),
      ).rejects.toMatchObject({ code: PartiesErrorCode.AdminRequired, status: 403 });
      await expect(
        service.create(principal(PROVIDER_ORG, [Role.Operator]), CUSTOMER_A, input),
      ).rejects.toMatchObject({ code: PartiesErrorCode.AdminRequired });
      expect(users.insert).not.toHaveBeenCalled();
    });

    it('looks for the address within the organization only', async () => {
      await service.create(principal(PROVIDER_ORG, [Role.Admin]), CUSTOMER_A, input);
      expect(users.existsBy).toHaveBeenCalledWith({
        organizationId: CUSTOMER_A,
        email: input.email.trim().toLowerCase(),
      });
    });

    it('refuses an email already taken in the organization, also when two requests race', async () => {
      const admin = principal(PROVIDER_ORG, [Role.Admin]);
      users.existsBy.mockResolvedValueOnce(true);
      await expect(service.create(admin, CUSTOMER_A, input)).rejects.toMatchObject({
        code: PartiesErrorCode.EmailTaken,
        status: 409,
      });
      users.insert.mockRejectedValueOnce(
        new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' })),
      );
      await expect(service.create(admin, CUSTOMER_A, input)).rejects.toMatchObject({
        code: PartiesErrorCode.EmailTaken,
      });
    });

    it("links the identity provider's subject given, and records it with the rest", async () => {
      const audit = (service as unknown as { audit: ReturnType<typeof fakeAdminAudit> }).audit;
      const { user } = await service.create(principal(PROVIDER_ORG, [Role.Admin]), CUSTOMER_A, {
        ...input,
        oidcSubject: ' svc-42 ',
      });
      expect(user.oidcSubject).toBe('svc-42');
      expect(audit.record).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({
          changes: expect.objectContaining({ oidcSubject: { from: null, to: 'svc-42' } }),
        }),
      );
      const { user: plain } = await service.create(
        principal(PROVIDER_ORG, [Role.Admin]),
        CUSTOMER_A,
        input,
      );
      expect(plain.oidcSubject).toBeNull();
    });

    it('refuses a subject another user has, also when two requests race', async () => {
      const admin = principal(PROVIDER_ORG, [Role.Admin]);
      const withSubject = { ...input, oidcSubject: 'svc-42' };
      users.existsBy.mockImplementation((where) =>
        Promise.resolve('oidcSubject' in (where as object)),
      );
      await expect(service.create(admin, CUSTOMER_A, withSubject)).rejects.toMatchObject({
        code: PartiesErrorCode.OidcSubjectTaken,
        status: 409,
      });
      expect(users.insert).not.toHaveBeenCalled();
      users.existsBy.mockResolvedValueOnce(false).mockResolvedValueOnce(false);
      users.insert.mockRejectedValueOnce(
        new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' })),
      );
      await expect(service.create(admin, CUSTOMER_A, withSubject)).rejects.toMatchObject({
        code: PartiesErrorCode.OidcSubjectTaken,
      });
    });

    it('refuses an empty or unknown role', async () => {
      const admin = principal(PROVIDER_ORG, [Role.Admin]);
      await expect(
        service.create(admin, CUSTOMER_A, { ...input, roles: [] }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(
        service.create(admin, CUSTOMER_A, { ...input, roles: ['root' as Role] }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  it('lists the users of an organization for its admins', async () => {
    await service.list(principal(CUSTOMER_A, [Role.Admin]), CUSTOMER_A);
    expect(users.find).toHaveBeenCalledWith(
      expect.objectContaining({ where: { organizationId: CUSTOMER_A } }),
    );
    await expect(
      service.list(principal(CUSTOMER_A, [Role.Approver]), CUSTOMER_A),
    ).rejects.toMatchObject({ code: PartiesErrorCode.AdminRequired });
  });

  it('describes the caller, without a user for the bootstrap admin', async () => {
    const bootstrap = principal(PROVIDER_ORG, [Role.Admin], null);
    const whoami = await service.whoami(bootstrap);
    expect(whoami).toMatchObject({ user: null, organization: { id: PROVIDER_ORG } });
    expect(users.findOneBy).not.toHaveBeenCalled();
  });
});
