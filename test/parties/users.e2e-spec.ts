import request from 'supertest';
import { Role } from '@app/parties';
import { api, ApiClient } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { createCustomer, createUser, providerOrganizationId } from '../factories/parties.factory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('users API', () => {
  let t: TestApp;
  let admin: ApiClient;
  let customer: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = api(t, t.adminToken);
    customer = await createCustomer(t, { plan: 'self-service', onDemand: true, locale: 'fr' });
  });
  afterAll(() => t.close());

  it('creates a user with its first token, which authenticates it', async () => {
    const res = await admin
      .post(`/v1/organizations/${customer.id}/users`, {
        email: ' Ada.Lovelace@Globex.EXAMPLE ',
        name: 'Ada Lovelace',
        roles: ['requester', 'approver'],
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      email: 'ada.lovelace@globex.example',
      name: 'Ada Lovelace',
      roles: ['requester', 'approver'],
      organizationId: customer.id,
      oidcSubject: null,
      token: expect.stringMatching(/^raci_[A-Za-z0-9_-]{43}$/),
    });
    const me = await api(t, res.body.token).get('/v1/me').expect(200);
    expect(me.body).toEqual({
      id: res.body.id,
      email: 'ada.lovelace@globex.example',
      name: 'Ada Lovelace',
      roles: ['requester', 'approver'],
      organization: {
        id: customer.id,
        name: customer.name,
        kind: 'customer',
        subscription: { plan: 'self-service', onDemand: true },
        locale: 'fr',
      },
      authentication: { method: 'api_token', acr: null, amr: [], authTime: null },
    });
  });

  it('lets a customer admin add users to its own organization', async () => {
    const customerAdmin = await createUser(t, customer.id, [Role.Admin]);
    const res = await api(t, customerAdmin)
      .post(`/v1/organizations/${customer.id}/users`, {
        email: 'grace@globex.example',
        name: 'Grace Hopper',
        roles: ['operator'],
      })
      .expect(201);
    expect(res.body).toMatchObject({ organizationId: customer.id, roles: ['operator'] });
    const list = await api(t, customerAdmin)
      .get(`/v1/organizations/${customer.id}/users`)
      .expect(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([customerAdmin.email, 'grace@globex.example']),
    );
    expect(list.body.items[0]).toEqual({
      id: expect.stringMatching(UUID),
      email: expect.any(String),
      name: expect.any(String),
      roles: expect.any(Array),
      organizationId: customer.id,
      oidcSubject: null,
      active: true,
      deactivatedAt: null,
      createdAt: expect.any(String),
    });
  });

  it('creates provider users, who speak for the provider', async () => {
    const providerId = await providerOrganizationId(t);
    const operator = await createUser(t, providerId, [Role.Operator, Role.Consultant]);
    const me = await api(t, operator).get('/v1/me').expect(200);
    expect(me.body).toMatchObject({
      id: operator.id,
      roles: ['operator', 'consultant'],
      organization: { id: providerId, kind: 'provider', subscription: null },
    });
  });

  it('answers 403 ADMIN_REQUIRED to users who are not admins', async () => {
    const requester = await createUser(t, customer.id, [Role.Requester, Role.Approver]);
    const operator = await createUser(t, await providerOrganizationId(t), [Role.Operator]);
    for (const actor of [requester, operator]) {
      const res = await api(t, actor)
        .post(`/v1/organizations/${customer.id}/users`, {
          email: `made-by-${actor.id}@globex.example`,
          name: 'Nobody',
          roles: ['requester'],
        })
        .expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'ADMIN_REQUIRED' });
      await api(t, actor).get(`/v1/organizations/${customer.id}/users`).expect(403);
    }
  });

  it('keeps an address unique within an organization only, and never tells of another', async () => {
    const globex = await createCustomer(t);
    const initech = await createCustomer(t);
    const globexAdmin = api(t, (await createUser(t, globex.id, [Role.Admin])).token);
    const initechAdmin = api(t, (await createUser(t, initech.id, [Role.Admin])).token);
    const person = (email: string) => ({ email, name: 'Shared Person', roles: ['requester'] });
    const atGlobex = await globexAdmin
      .post(`/v1/organizations/${globex.id}/users`, person('shared@both.example'))
      .expect(201);
    const atInitech = await initechAdmin
      .post(`/v1/organizations/${initech.id}/users`, person('Shared@Both.EXAMPLE'))
      .expect(201);
    expect(atInitech.body).toMatchObject({
      email: 'shared@both.example',
      organizationId: initech.id,
    });
    expect(atInitech.body.id).not.toBe(atGlobex.body.id);

    const twice = await globexAdmin
      .post(`/v1/organizations/${globex.id}/users`, person('SHARED@both.example'))
      .expect(409);
    expect(twice.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN' });
    expect(twice.body.message).toBe(
      'A user of this organization already has the email "shared@both.example".',
    );
    expect(JSON.stringify(twice.body)).not.toContain(initech.id);
    expect(JSON.stringify(twice.body)).not.toContain(initech.name);
    const listed = await initechAdmin.get(`/v1/organizations/${initech.id}/users`).expect(200);
    expect(listed.body.items.map((user: { email: string }) => user.email)).toContain(
      'shared@both.example',
    );
    expect(
      listed.body.items.every(
        (user: { organizationId: string }) => user.organizationId === initech.id,
      ),
    ).toBe(true);
  });

  it.each([
    ['no roles', { roles: [] }, /roles/],
    ['an unknown role', { roles: ['root'] }, /roles/],
    ['a bad email', { email: 'not-an-email' }, /email/],
    ['an empty name', { name: ' ' }, /name/],
    ['a name over 200 characters', { name: 'n'.repeat(201) }, /name/],
    ['an unknown field', { password: 'hunter2' }, /password should not exist/],
    ['no email', { email: undefined }, /email/],
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_case, change, message) => {
    const path = `/v1/organizations/${customer.id}/users`;
    const before = await admin.get(path).expect(200);
    const body = {
      email: 'invalid@globex.example',
      name: 'Invalid',
      roles: ['requester'],
      ...change,
    };
    const res = await admin.post(path, body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toMatch(message);
    const after = await admin.get(path).expect(200);
    expect(after.body.items).toEqual(before.body.items);
  });

  it('answers 404 for an unknown organization and 400 for a malformed id', async () => {
    const body = { email: 'lost@globex.example', name: 'Lost', roles: ['requester'] };
    const res = await admin
      .post('/v1/organizations/7d444840-9dc0-41dc-b4ad-7b6f3a1e9c00/users', body)
      .expect(404);
    expect(res.body).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
    await admin.post('/v1/organizations/42/users', body).expect(400);
  });

  it('answers 401 without a token', async () => {
    await request(t.http)
      .post(`/v1/organizations/${customer.id}/users`)
      .send({ email: 'anon@globex.example', name: 'Anon', roles: ['admin'] })
      .expect(401);
  });
});
