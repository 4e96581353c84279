import request from 'supertest';
import { Role } from '@app/parties';
import { api, ApiClient } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { createCustomer, createUser, providerOrganizationId } from '../factories/parties.factory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const valid = {
  name: 'Globex Corporation',
  subscription: { plan: 'self-service', onDemand: true },
  contactEmails: ['Cloud-Team@Globex.example', 'ops@globex.example'],
  locale: 'fr',
};

describe('organizations API', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ env: { PROVIDER_NAME: 'Acme Cloud' } });
    admin = api(t, t.adminToken);
  });
  afterAll(() => t.close());

  it('starts with the one provider organization, named by PROVIDER_NAME', async () => {
    const res = await admin.get('/v1/organizations').expect(200);
    expect(res.body).toEqual({
      items: [
        {
          id: expect.stringMatching(UUID),
          name: 'Acme Cloud',
          kind: 'provider',
          subscription: null,
          contactEmails: [],
          locale: 'en',
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    expect(await providerOrganizationId(t)).toBe(res.body.items[0].id);
  });

  it('creates a customer organization with its subscription (provider admin)', async () => {
    const created = await admin.post('/v1/organizations', valid).expect(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(UUID),
      name: 'Globex Corporation',
      kind: 'customer',
      subscription: { plan: 'self-service', onDemand: true },
      contactEmails: ['cloud-team@globex.example', 'ops@globex.example'],
      locale: 'fr',
      createdAt: expect.any(String),
    });
    expect(Date.parse(created.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const fetched = await admin.get(`/v1/organizations/${created.body.id}`).expect(200);
    expect(fetched.body).toEqual(created.body);
    const list = await admin.get('/v1/organizations').expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(created.body.id);
  });

  it('defaults the locale to en', async () => {
    const res = await admin
      .post('/v1/organizations', {
        name: 'Initech',
        subscription: { plan: 'on-request', onDemand: false },
        contactEmails: [],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      locale: 'en',
      subscription: { plan: 'on-request', onDemand: false },
    });
  });

  it('answers 409 for a name already taken', async () => {
    await createCustomer(t, { name: 'Umbrella' });
    const res = await admin.post('/v1/organizations', { ...valid, name: 'Umbrella' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'ORGANIZATION_NAME_TAKEN' });
    await admin.post('/v1/organizations', { ...valid, name: 'Acme Cloud' }).expect(409);
  });

  it.each([
    ['an unknown field', { ...valid, name: 'X1', colour: 'red' }, /colour should not exist/],
    [
      'an unknown subscription field',
      { ...valid, name: 'X2', subscription: { ...valid.subscription, discount: 10 } },
      /subscription\.discount: property discount should not exist/,
    ],
    ['an empty name', { ...valid, name: '   ' }, /: name: name must be longer/],
    [
      'a name over 200 characters',
      { ...valid, name: 'n'.repeat(201) },
      /: name: name must be shorter/,
    ],
    ['no subscription', { ...valid, name: 'X3', subscription: undefined }, /subscription/],
    [
      'an unknown plan',
      { ...valid, name: 'X4', subscription: { plan: 'gold', onDemand: false } },
      /subscription\.plan/,
    ],
    [
      'a non-boolean onDemand',
      { ...valid, name: 'X5', subscription: { plan: 'on-request', onDemand: 'yes' } },
      /subscription\.onDemand/,
    ],
    ['a bad contact email', { ...valid, name: 'X6', contactEmails: ['nope'] }, /contactEmails/],
    [
      'more than 20 contact emails',
      {
        ...valid,
        name: 'X7',
        contactEmails: Array.from({ length: 21 }, (_, i) => `c${i}@globex.example`),
      },
      /contactEmails/,
    ],
    ['no contact emails', { ...valid, name: 'X8', contactEmails: undefined }, /contactEmails/],
    ['an unknown locale', { ...valid, name: 'X9', locale: 'de' }, /locale/],
  ])('refuses %s with 400 and stores nothing', async (_case, body, message) => {
    const before = await admin.get('/v1/organizations').expect(200);
    const res = await admin.post('/v1/organizations', body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toMatch(message);
    const after = await admin.get('/v1/organizations').expect(200);
    expect(after.body.items).toEqual(before.body.items);
  });

  it('is for provider admins only: 403 ADMIN_REQUIRED otherwise', async () => {
    const customer = await createCustomer(t);
    const customerAdmin = await createUser(t, customer.id, [Role.Admin]);
    const operator = await createUser(t, await providerOrganizationId(t), [Role.Operator]);
    for (const actor of [customerAdmin, operator]) {
      const res = await api(t, actor)
        .post('/v1/organizations', { ...valid, name: `By ${actor.email}` })
        .expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'ADMIN_REQUIRED' });
    }
    const list = await admin.get('/v1/organizations').expect(200);
    expect(list.body.items.map((o: { name: string }) => o.name)).not.toContain(
      `By ${operator.email}`,
    );
  });

  it('lets any provider user read every organization', async () => {
    const operator = await createUser(t, await providerOrganizationId(t), [Role.Operator]);
    const all = await admin.get('/v1/organizations').expect(200);
    const seen = await api(t, operator).get('/v1/organizations').expect(200);
    expect(seen.body).toEqual(all.body);
  });

  it('answers 404 for an unknown organization and 400 for a malformed id', async () => {
    const unknown = await admin
      .get('/v1/organizations/7d444840-9dc0-41dc-b4ad-7b6f3a1e9c00')
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
    const malformed = await admin.get('/v1/organizations/not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'id', message: 'id must be a UUID' }] },
    });
  });

  it('answers 401 without a token', async () => {
    await request(t.http).get('/v1/organizations').expect(401);
    await request(t.http).post('/v1/organizations').send(valid).expect(401);
  });
});
