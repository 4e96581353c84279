import { AuthMethod, CredentialKind } from './credential';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { Party } from '@app/catalog';
import {
  fakeAdminAudit,
  fakeManager,
  inOneTransaction,
} from '@app/audit/testing/admin-audit.fixture';
import { AppConfig } from '@app/core';
import { ApiToken } from './entities/api-token.entity';
import { User } from './entities/user.entity';
import { OrganizationsService } from './organizations.service';
import { PartiesErrorCode } from './parties.exception';
import { OrganizationKind, Role } from './parties.types';
import { CUSTOMER_A, CUSTOMER_B, principal, PROVIDER_ORG } from './testing/principal.fixture';
import { passThroughPrincipalCache } from './testing/principal-cache.fixture';
import { TOKEN_PREFIX, TokensService } from './tokens.service';

const ADMIN_TOKEN = 'bootstrap-admin-token-of-at-least-32-chars';
const USER_ID = '00000000-0000-4000-8000-000000000101';
const TOKEN_ID = '00000000-0000-4000-8000-000000000102';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const user = (organizationId = CUSTOMER_A) =>
  Object.assign(new User(), {
    id: USER_ID,
    organizationId,
    email: 'ada@customer.test',
    roles: [Role.Requester],
    active: true,
  });
const ADMIN_ID = '7d1e8a2b-4c3f-4e5d-8a9b-0c1d2e3f4a5b';
const token = (fields: Partial<ApiToken> = {}) =>
  Object.assign(new ApiToken(), {
    id: TOKEN_ID,
    userId: USER_ID,
    tokenHash: 'ab'.repeat(32),
    issuedBy: null,
    issuedWith: null,
    revokedAt: null,
    lastUsedAt: null,
    ...fields,
  });

describe('TokensService', () => {
  let tokens: jest.Mocked<Pick<Repository<ApiToken>, 'findOneBy' | 'insert' | 'update'>>;
  let users: jest.Mocked<Pick<Repository<User>, 'findOneBy'>>;
  let service: TokensService;
  let principals: ReturnType<typeof passThroughPrincipalCache>;

  const build = (env: Record<string, string> = { ADMIN_TOKEN }) =>
    new TokensService(
      tokens as unknown as Repository<ApiToken>,
      users as unknown as Repository<User>,
      { providerOrganizationId: () => Promise.resolve(PROVIDER_ORG) } as OrganizationsService,
      AppConfig.fromEnv(env),
      inOneTransaction(tokens),
      fakeAdminAudit(),
      principals,
    );

  beforeEach(() => {
    principals = passThroughPrincipalCache();
    tokens = {
      findOneBy: jest.fn().mockResolvedValue(null),
      insert: jest.fn().mockResolvedValue(undefined),
      update: jest.fn().mockResolvedValue(undefined),
    };
    users = { findOneBy: jest.fn().mockResolvedValue(user()) };
    service = build();
  });

  describe('authenticate', () => {
    it('recognises ADMIN_TOKEN as the bootstrap provider admin', async () => {
      expect(await service.authenticate(ADMIN_TOKEN)).toEqual({
        userId: null,
        email: null,
        organizationId: PROVIDER_ORG,
        kind: OrganizationKind.Provider,
        party: Party.Provider,
        roles: [Role.Admin],
        credential: expect.objectContaining({ kind: CredentialKind.AdminToken, id: null }),
      });
      expect(tokens.findOneBy).not.toHaveBeenCalled();
    });

    it('has no bootstrap admin without ADMIN_TOKEN', async () => {
      expect(await build({}).authenticate(ADMIN_TOKEN)).toBeNull();
    });

    it("finds a user's token by its SHA-256 and records when it was used", async () => {
      tokens.findOneBy.mockResolvedValue(token());
      const bearer = `${TOKEN_PREFIX}abc`;
      expect(await service.authenticate(bearer)).toEqual({
        userId: USER_ID,
        email: 'ada@customer.test',
        organizationId: CUSTOMER_A,
        kind: OrganizationKind.Customer,
        party: Party.Customer,
        roles: [Role.Requester],
        credential: {
          kind: CredentialKind.ApiToken,
          id: TOKEN_ID,
          issuer: 'unknown',
          personal: false,
          method: AuthMethod.ApiToken,
          acr: null,
          amr: [],
          authTime: null,
        },
      });
      expect(tokens.findOneBy).toHaveBeenCalledWith({ tokenHash: sha256(bearer) });
      // Kept under the token's hash, never the token itself.
      expect(principals.principal).toHaveBeenCalledWith(
        `token:${sha256(bearer)}`,
        expect.any(Function),
      );
      expect(tokens.update).toHaveBeenCalledWith(
        { id: TOKEN_ID },
        { lastUsedAt: expect.any(Date) },
      );
    });

    it('writes lastUsedAt at most once a minute', async () => {
      tokens.findOneBy.mockResolvedValue(token({ lastUsedAt: new Date(Date.now() - 30_000) }));
      await service.authenticate(`${TOKEN_PREFIX}abc`);
      expect(tokens.update).not.toHaveBeenCalled();
    });

    it('speaks for the provider when the user belongs to it', async () => {
      tokens.findOneBy.mockResolvedValue(token());
      users.findOneBy.mockResolvedValue(user(PROVIDER_ORG));
      expect(await service.authenticate(`${TOKEN_PREFIX}abc`)).toMatchObject({
        kind: OrganizationKind.Provider,
        party: Party.Provider,
      });
    });

    it('refuses unknown, revoked and foreign-looking tokens', async () => {
      expect(await service.authenticate(`${TOKEN_PREFIX}unknown`)).toBeNull();
      tokens.findOneBy.mockResolvedValue(token({ revokedAt: new Date() }));
      expect(await service.authenticate(`${TOKEN_PREFIX}revoked`)).toBeNull();
      tokens.findOneBy.mockClear();
      expect(await service.authenticate('not-one-of-ours')).toBeNull();
      expect(tokens.findOneBy).not.toHaveBeenCalled();
    });
  });

  it('issues a raci_ token, keeping only its SHA-256 and a 12-character prefix', async () => {
    const issued = await service.issueFor(
      { id: USER_ID, organizationId: CUSTOMER_A },
      fakeManager(tokens),
      principal(PROVIDER_ORG, [Role.Admin]),
    );
    expect(issued.token).toMatch(/^raci_[A-Za-z0-9_-]{43}$/);
    expect(issued.prefix).toBe(issued.token.slice(0, 12));
    expect(tokens.insert).toHaveBeenCalledWith(
      expect.objectContaining({
        id: issued.id,
        userId: USER_ID,
        tokenHash: sha256(issued.token),
        prefix: issued.prefix,
      }),
    );
  });

  it('records who minted a token and with what; only its owner signed in makes it personal', async () => {
    const session = (userId: string | null, kind = CredentialKind.Session) => ({
      ...principal(CUSTOMER_A, [Role.Admin], userId),
      credential: {
        kind,
        id: 'c1',
        issuer: userId,
        personal: kind !== CredentialKind.AdminToken,
        method: AuthMethod.EmailLink,
        acr: null,
        amr: [],
        authTime: null,
      },
    });
    const owner = { id: USER_ID, organizationId: CUSTOMER_A };
    const own = await service.issueFor(owner, fakeManager(tokens), session(USER_ID));
    expect(own).toMatchObject({ issuedBy: USER_ID, personal: true });
    expect(tokens.insert).toHaveBeenLastCalledWith(
      expect.objectContaining({ issuedBy: USER_ID, issuedWith: CredentialKind.Session }),
    );
    const byAdmin = await service.issueFor(owner, fakeManager(tokens), session(ADMIN_ID));
    expect(byAdmin).toMatchObject({ issuedBy: ADMIN_ID, personal: false });
    const withToken = session(USER_ID, CredentialKind.ApiToken);
    expect(await service.issueFor(owner, fakeManager(tokens), withToken)).toMatchObject({
      personal: false,
    });
    const bootstrap = session(null, CredentialKind.AdminToken);
    expect(await service.issueFor(owner, fakeManager(tokens), bootstrap)).toMatchObject({
      issuedBy: null,
      personal: false,
    });
    expect(tokens.insert).toHaveBeenLastCalledWith(
      expect.objectContaining({ issuedBy: null, issuedWith: CredentialKind.AdminToken }),
    );
  });

  it('tells, when a token authenticates, who minted it and whether it is personal', async () => {
    tokens.findOneBy.mockResolvedValue(
      token({ issuedBy: USER_ID, issuedWith: CredentialKind.Session }),
    );
    expect(await service.authenticate(`${TOKEN_PREFIX}own`)).toMatchObject({
      credential: { issuer: USER_ID, personal: true },
    });
    tokens.findOneBy.mockResolvedValue(
      token({ issuedBy: ADMIN_ID, issuedWith: CredentialKind.Session }),
    );
    expect(await service.authenticate(`${TOKEN_PREFIX}minted`)).toMatchObject({
      credential: { issuer: ADMIN_ID, personal: false },
    });
  });

  describe('issue', () => {
    it('lets the user itself, its admin and a provider admin issue a token', async () => {
      await service.issue(principal(CUSTOMER_A, [Role.Requester], USER_ID), USER_ID);
      await service.issue(principal(CUSTOMER_A, [Role.Admin]), USER_ID);
      await service.issue(principal(PROVIDER_ORG, [Role.Admin]), USER_ID);
      expect(tokens.insert).toHaveBeenCalledTimes(3);
    });

    it('refuses a colleague who is not an admin, and hides other tenants', async () => {
      await expect(
        service.issue(principal(CUSTOMER_A, [Role.Approver]), USER_ID),
      ).rejects.toMatchObject({ code: PartiesErrorCode.AdminRequired });
      await expect(
        service.issue(principal(CUSTOMER_B, [Role.Admin]), USER_ID),
      ).rejects.toMatchObject({ code: PartiesErrorCode.UserNotFound, status: 404 });
      expect(tokens.insert).not.toHaveBeenCalled();
    });
  });

  describe('revoke', () => {
    it('sets revokedAt once', async () => {
      tokens.findOneBy.mockResolvedValue(token());
      await service.revoke(principal(CUSTOMER_A, [Role.Requester], USER_ID), TOKEN_ID);
      expect(tokens.update).toHaveBeenCalledWith({ id: TOKEN_ID }, { revokedAt: expect.any(Date) });
      // Every process forgets it, under the hash the cache keeps it by.
      expect(principals.invalidate).toHaveBeenCalledWith({
        credential: `token:${'ab'.repeat(32)}`,
      });
      tokens.findOneBy.mockResolvedValue(token({ revokedAt: new Date() }));
      tokens.update.mockClear();
      await service.revoke(principal(PROVIDER_ORG, [Role.Admin]), TOKEN_ID);
      expect(tokens.update).not.toHaveBeenCalled();
    });

    it('answers 404 for unknown tokens and those of other tenants, 403 for non-admins', async () => {
      await expect(
        service.revoke(principal(PROVIDER_ORG, [Role.Admin]), TOKEN_ID),
      ).rejects.toMatchObject({ code: PartiesErrorCode.TokenNotFound });
      tokens.findOneBy.mockResolvedValue(token());
      await expect(
        service.revoke(principal(CUSTOMER_B, [Role.Admin]), TOKEN_ID),
      ).rejects.toMatchObject({ code: PartiesErrorCode.TokenNotFound, status: 404 });
      await expect(
        service.revoke(principal(PROVIDER_ORG, [Role.Operator]), TOKEN_ID),
      ).rejects.toMatchObject({ code: PartiesErrorCode.AdminRequired, status: 403 });
      expect(tokens.update).not.toHaveBeenCalled();
    });
  });
});
