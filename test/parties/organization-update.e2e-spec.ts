import { Role } from '@app/parties';
import { createCast, Cast } from '../factories/cast.factory';
import { createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

const DATA_MASKING = 'data-masking.pdm-masking-plan-creation-and-execution';

describe('changing an organization (PATCH /v1/organizations/:id) and its quota', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it('lets its admin change its name, contact emails and locale', async () => {
    const { onRequest } = cast;
    const res = await api(t, onRequest.admin)
      .patch(`/v1/organizations/${onRequest.organizationId}`, {
        name: ' Globex Renamed ',
        contactEmails: ['Ops@Globex.TEST', 'ops@globex.test'],
        locale: 'fr',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      id: onRequest.organizationId,
      name: 'Globex Renamed',
      contactEmails: ['ops@globex.test'],
      locale: 'fr',
      subscription: { plan: 'on-request', onDemand: false },
    });
    const read = await api(t, onRequest.requester)
      .get(`/v1/organizations/${onRequest.organizationId}`)
      .expect(200);
    expect(read.body).toMatchObject({ name: 'Globex Renamed', locale: 'fr' });
  });

  it('refuses a non-admin (403) and the admin of another organization (404)', async () => {
    const { onRequest, selfService } = cast;
    const path = `/v1/organizations/${onRequest.organizationId}`;
    const refused = await api(t, onRequest.approver).patch(path, { locale: 'en' }).expect(403);
    expect(refused.body.code).toBe('ADMIN_REQUIRED');
    const hidden = await api(t, selfService.admin).patch(path, { locale: 'en' }).expect(404);
    expect(hidden.body.code).toBe('ORGANIZATION_NOT_FOUND');
    await api(t, cast.provider.approver).patch(path, { locale: 'en' }).expect(403);
  });

  it('lets only a provider admin change the subscription', async () => {
    const { selfService, provider } = cast;
    const path = `/v1/organizations/${selfService.organizationId}`;
    const subscription = { plan: 'on-request', onDemand: false };
    const refused = await api(t, selfService.admin).patch(path, { subscription }).expect(403);
    expect(refused.body.code).toBe('PROVIDER_ADMIN_REQUIRED');
    const changed = await api(t, provider.admin).patch(path, { subscription }).expect(200);
    expect(changed.body.subscription).toEqual(subscription);
    const back = { plan: 'self-service', onDemand: true };
    await api(t, t.adminToken).patch(path, { subscription: back }).expect(200);
  });

  it('refuses a taken name, an empty change and unknown fields, changing nothing', async () => {
    const other = await createCustomer(t);
    const path = `/v1/organizations/${cast.onRequest.organizationId}`;
    const admin = api(t, cast.onRequest.admin);
    expect((await admin.patch(path, { name: other.name }).expect(409)).body.code).toBe(
      'ORGANIZATION_NAME_TAKEN',
    );
    expect((await admin.patch(path, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await admin.patch(path, { plan: 'self-service' }).expect(400);
    await admin.patch(path, { contactEmails: ['not-an-email'] }).expect(400);
    expect((await admin.get(path).expect(200)).body.name).toBe('Globex Renamed');
  });

  it('gives the quota figures a submission counts, to the customer and the provider only', async () => {
    const { selfService, onRequest, provider } = cast;
    const submit = (n: number) =>
      api(t, provider.requester)
        .post('/v1/requests', {
          action: DATA_MASKING,
          params: { database: `db-${n}` },
          organizationId: selfService.organizationId,
        })
        .expect(201);
    for (let n = 1; n <= 3; n++) await submit(n);
    await api(t, provider.admin)
      .put(`/v1/organizations/${selfService.organizationId}/quota-packages`, {
        unit: 'anonymization-treatment',
        packages: 2,
      })
      .expect(200);
    const path = `/v1/organizations/${selfService.organizationId}/quota`;
    const res = await api(t, selfService.requester).get(path).expect(200);
    expect(res.body.organizationId).toBe(selfService.organizationId);
    expect(res.body.items).toContainEqual({
      action: DATA_MASKING,
      unit: 'anonymization-treatment',
      included: 10,
      packages: 2,
      packageSize: 10,
      allowed: 30,
      used: 3,
      remaining: 27,
      period: { months: 12, start: expect.any(String), end: expect.any(String) },
    });
    await api(t, provider.operator).get(path).expect(200);
    expect((await api(t, onRequest.admin).get(path).expect(404)).body.code).toBe(
      'ORGANIZATION_NOT_FOUND',
    );
    const providerPath = `/v1/organizations/${provider.organizationId}/quota`;
    expect((await api(t, provider.admin).get(providerPath).expect(400)).body.code).toBe(
      'NOT_A_CUSTOMER',
    );
  });

  it('lets a newly made admin of the organization change it', async () => {
    const admin = await createUser(t, cast.onRequest.organizationId, [Role.Admin]);
    await api(t, admin)
      .patch(`/v1/organizations/${cast.onRequest.organizationId}`, { locale: 'en' })
      .expect(200);
  });
});
