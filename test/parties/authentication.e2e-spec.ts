import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiToken, Role } from '@app/parties';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TEST_ADMIN_TOKEN, TestApp } from '../helpers/create-app';

const UNAUTHENTICATED = {
  statusCode: 401,
  code: 'UNAUTHENTICATED',
  message:
    'A valid credential is required: send "Authorization: Bearer <token>", or sign in for a session.',
  requestId: expect.any(String) as string,
};

describe('authentication and tokens', () => {
  let t: TestApp;
  let customerId: string;
  let owner: Actor;

  beforeAll(async () => {
    t = await createTestApp();
    customerId = (await createCustomer(t)).id;
    owner = await createUser(t, customerId, [Role.Requester]);
  });
  afterAll(() => t.close());

  it('answers every failed authentication with the same 401', async () => {
    const revoked = await api(t, owner).post(`/v1/users/${owner.id}/tokens`).expect(201);
    await api(t, owner).delete(`/v1/tokens/${revoked.body.id}`).expect(204);
    const attempts = [
      request(t.http).get('/v1/me'),
      request(t.http).get('/v1/me').set('Authorization', ''),
      request(t.http).get('/v1/me').set('Authorization', `Basic ${owner.token}`),
      request(t.http).get('/v1/me').set('Authorization', `Bearer`),
      request(t.http).get('/v1/me').set('Authorization', `Bearer ${owner.token}x`),
      request(t.http).get('/v1/me').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}x`),
      request(t.http).get('/v1/me').set('Authorization', 'Bearer raci_unknown'),
      request(t.http).get('/v1/me').set('Authorization', `Bearer ${revoked.body.token}`),
    ];
    for (const attempt of attempts) {
      const res = await attempt.expect(401);
      expect(res.body).toEqual(UNAUTHENTICATED);
    }
  });

  it('accepts the scheme in any case', async () => {
    await request(t.http).get('/v1/me').set('Authorization', `bearer ${owner.token}`).expect(200);
  });

  it('shows the bootstrap admin of ADMIN_TOKEN as a provider admin without a user', async () => {
    const res = await api(t, t.adminToken).get('/v1/me').expect(200);
    expect(res.body).toEqual({
      id: null,
      email: null,
      name: null,
      roles: ['admin'],
      organization: {
        id: expect.any(String),
        name: 'Provider',
        kind: 'provider',
        subscription: null,
        locale: 'en',
      },
      authentication: {
        kind: 'admin_token',
        id: null,
        issuer: null,
        personal: false,
        method: 'api_token',
        acr: null,
        amr: [],
        authTime: null,
      },
    });
  });

  it('keeps health and docs public, and serves no metrics on the API port', async () => {
    await request(t.http).get('/health').expect(200);
    await request(t.http).get('/docs/openapi.json').expect(200);
    await request(t.http).get('/metrics').expect(404);
    await request(t.http)
      .get('/metrics')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .expect(404);
  });

  it('lets a user issue itself another token, shown once and kept as SHA-256 only', async () => {
    const res = await api(t, owner).post(`/v1/users/${owner.id}/tokens`).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^raci_[A-Za-z0-9_-]{43}$/),
      prefix: res.body.token.slice(0, 12),
      createdAt: expect.any(String),
      // Minted with a token, not signed in: it records who, and it does not decide.
      issuedBy: owner.id,
      personal: false,
    });
    await api(t, res.body.token).get('/v1/me').expect(200);
    await api(t, owner).get('/v1/me').expect(200);
    const stored = await t.app
      .get(DataSource)
      .getRepository(ApiToken)
      .findOneByOrFail({ id: res.body.id });
    expect(stored).toMatchObject({
      userId: owner.id,
      tokenHash: createHash('sha256').update(res.body.token).digest('hex'),
      prefix: res.body.prefix,
      issuedBy: owner.id,
      issuedWith: 'api_token',
      revokedAt: null,
      lastUsedAt: expect.any(Date),
    });
  });

  it("lets the organization's admin and a provider admin issue a user's tokens, not a colleague", async () => {
    const orgAdmin = await createUser(t, customerId, [Role.Admin]);
    const colleague = await createUser(t, customerId, [Role.Approver]);
    await api(t, orgAdmin).post(`/v1/users/${owner.id}/tokens`).expect(201);
    await api(t, t.adminToken).post(`/v1/users/${owner.id}/tokens`).expect(201);
    const res = await api(t, colleague).post(`/v1/users/${owner.id}/tokens`).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'ADMIN_REQUIRED' });
  });

  it('revokes a token: it stops working at once, the others keep working', async () => {
    const user = await createUser(t, customerId, [Role.Requester]);
    const second = await api(t, user).post(`/v1/users/${user.id}/tokens`).expect(201);
    const colleague = await createUser(t, customerId, [Role.Approver]);
    const refused = await api(t, colleague).delete(`/v1/tokens/${second.body.id}`).expect(403);
    expect(refused.body).toMatchObject({ code: 'ADMIN_REQUIRED' });
    await api(t, user).delete(`/v1/tokens/${second.body.id}`).expect(204);
    await api(t, second.body.token).get('/v1/me').expect(401);
    await api(t, user).get('/v1/me').expect(200);
    await api(t, user).delete(`/v1/tokens/${second.body.id}`).expect(204);
  });

  it("lets the organization's admin and a provider admin revoke a user's token", async () => {
    const user = await createUser(t, customerId, [Role.Requester]);
    const orgAdmin = await createUser(t, customerId, [Role.Admin]);
    const first = await api(t, user).post(`/v1/users/${user.id}/tokens`).expect(201);
    const second = await api(t, user).post(`/v1/users/${user.id}/tokens`).expect(201);
    await api(t, orgAdmin).delete(`/v1/tokens/${first.body.id}`).expect(204);
    await api(t, t.adminToken).delete(`/v1/tokens/${second.body.id}`).expect(204);
    await api(t, first.body.token).get('/v1/me').expect(401);
    await api(t, second.body.token).get('/v1/me').expect(401);
  });

  it('answers 404 for an unknown token or user, 400 for a malformed id', async () => {
    const unknown = '7d444840-9dc0-41dc-b4ad-7b6f3a1e9c00';
    const token = await api(t, t.adminToken).delete(`/v1/tokens/${unknown}`).expect(404);
    expect(token.body).toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    const user = await api(t, t.adminToken).post(`/v1/users/${unknown}/tokens`).expect(404);
    expect(user.body).toMatchObject({ code: 'USER_NOT_FOUND' });
    await api(t, t.adminToken).delete('/v1/tokens/nope').expect(400);
  });
});

describe('without ADMIN_TOKEN', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { ADMIN_TOKEN: '' } });
  });
  afterAll(() => t.close());

  it('has no bootstrap admin', async () => {
    expect(t.adminToken).toBe('');
    await api(t, TEST_ADMIN_TOKEN).get('/v1/me').expect(401);
  });
});
