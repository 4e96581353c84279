import { Role } from '@app/parties';
import { createCast, Cast } from '../factories/cast.factory';
import { createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

describe('changing a user (PATCH /v1/users/:id)', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it('lets an admin of its organization change its name and roles', async () => {
    const user = await createUser(t, cast.onRequest.organizationId, [Role.Requester]);
    const res = await api(t, cast.onRequest.admin)
      .patch(`/v1/users/${user.id}`, { name: ' Ada King ', roles: ['requester', 'approver'] })
      .expect(200);
    expect(res.body).toMatchObject({
      id: user.id,
      name: 'Ada King',
      roles: ['requester', 'approver'],
      active: true,
      deactivatedAt: null,
    });
    const me = await api(t, user).get('/v1/me').expect(200);
    expect(me.body).toMatchObject({ name: 'Ada King', roles: ['requester', 'approver'] });
  });

  it("sets, shows, clears and keeps unique a user's identity provider subject", async () => {
    const org = cast.onRequest.organizationId;
    const subject = `svc-${Date.now()}`;
    const created = await api(t, cast.onRequest.admin)
      .post(`/v1/organizations/${org}/users`, {
        email: `bot-${subject}@example.test`,
        name: 'Deploy bot',
        roles: ['requester'],
        oidcSubject: subject,
      })
      .expect(201);
    expect(created.body.oidcSubject).toBe(subject);
    const other = await createUser(t, org, [Role.Requester]);
    const path = `/v1/users/${other.id}`;
    const taken = await api(t, cast.onRequest.admin).patch(path, { oidcSubject: subject });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('OIDC_SUBJECT_TAKEN');
    const twice = await api(t, cast.onRequest.admin).post(`/v1/organizations/${org}/users`, {
      email: `twin-${subject}@example.test`,
      name: 'Twin',
      roles: ['requester'],
      oidcSubject: subject,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('OIDC_SUBJECT_TAKEN');

    await api(t, cast.onRequest.admin)
      .patch(`/v1/users/${created.body.id}`, { oidcSubject: null })
      .expect(200)
      .expect(({ body }) => expect(body.oidcSubject).toBeNull());
    await api(t, cast.onRequest.admin)
      .patch(path, { oidcSubject: subject })
      .expect(200)
      .expect(({ body }) => expect(body.oidcSubject).toBe(subject));
    const events = await api(t, cast.onRequest.admin)
      .get(`/v1/audit/admin-events?organizationId=${org}`)
      .expect(200);
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        action: 'user.updated',
        subjectId: other.id,
        changes: { oidcSubject: { from: null, to: subject } },
      }),
    );
    const tooLong = await api(t, cast.onRequest.admin).patch(path, {
      oidcSubject: 'x'.repeat(256),
    });
    expect(tooLong.status).toBe(400);
  });

  it('refuses a non-admin (403) and the admin of another organization (404)', async () => {
    const user = await createUser(t, cast.onRequest.organizationId, [Role.Requester]);
    const path = `/v1/users/${user.id}`;
    const refused = await api(t, cast.onRequest.approver).patch(path, { name: 'x' }).expect(403);
    expect(refused.body.code).toBe('ADMIN_REQUIRED');
    const hidden = await api(t, cast.selfService.admin).patch(path, { name: 'x' }).expect(404);
    expect(hidden.body.code).toBe('USER_NOT_FOUND');
    await api(t, user)
      .patch(path, { roles: ['requester', 'admin'] })
      .expect(403);
    await api(t, cast.provider.admin).patch(path, { name: 'By the provider' }).expect(200);
  });

  it('stops a deactivated user’s tokens at once, and lets it back in when reactivated', async () => {
    const user = await createUser(t, cast.onRequest.organizationId, [Role.Requester]);
    await api(t, user).get('/v1/me').expect(200);
    const res = await api(t, cast.onRequest.admin)
      .patch(`/v1/users/${user.id}`, { active: false })
      .expect(200);
    expect(res.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    const refused = await api(t, user).get('/v1/me').expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    await api(t, user).get('/v1/inbox').expect(401);
    await api(t, cast.onRequest.admin)
      .patch(`/v1/users/${user.id}`, { active: true })
      .expect(200)
      .expect(({ body }) => expect(body).toMatchObject({ active: true, deactivatedAt: null }));
    await api(t, user).get('/v1/me').expect(200);
  });

  it('never leaves an organization without an active admin (409 LAST_ACTIVE_ADMIN)', async () => {
    const customer = await createCustomer(t);
    const only = await createUser(t, customer.id, [Role.Admin, Role.Approver]);
    const path = `/v1/users/${only.id}`;
    for (const change of [{ active: false }, { roles: ['approver'] }]) {
      const res = await api(t, t.adminToken).patch(path, change).expect(409);
      expect(res.body).toMatchObject({ code: 'LAST_ACTIVE_ADMIN', details: { id: only.id } });
    }
    await api(t, only).patch(path, { active: false }).expect(409);
    await api(t, only).get('/v1/me').expect(200);
    const second = await createUser(t, customer.id, [Role.Admin]);
    await api(t, second).patch(path, { active: false }).expect(200);
    const last = await api(t, second).patch(`/v1/users/${second.id}`, { active: false });
    expect(last.status).toBe(409);
  });

  it('refuses a user giving itself a role (403 OWN_ROLES_ESCALATION); dropping one is allowed', async () => {
    const customer = await createCustomer(t);
    await createUser(t, customer.id, [Role.Admin]);
    const admin = await createUser(t, customer.id, [Role.Admin, Role.Requester]);
    const path = `/v1/users/${admin.id}`;
    const res = await api(t, admin).patch(path, { roles: ['admin', 'requester', 'approver'] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'OWN_ROLES_ESCALATION' });
    const me = await api(t, admin).get('/v1/me').expect(200);
    expect(me.body.roles).toEqual(['admin', 'requester']);
    await api(t, admin)
      .patch(path, { roles: ['admin'] })
      .expect(200);
  });

  it('refuses bad bodies with VALIDATION_FAILED, storing nothing', async () => {
    const user = await createUser(t, cast.onRequest.organizationId, [Role.Requester]);
    const admin = api(t, cast.onRequest.admin);
    const path = `/v1/users/${user.id}`;
    for (const body of [
      {},
      { roles: [] },
      { roles: ['root'] },
      { active: 'no' },
      { email: 'x@y.z' },
    ]) {
      const res = await admin.patch(path, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await admin.patch('/v1/users/not-a-uuid', { name: 'x' }).expect(400);
    await admin.patch('/v1/users/00000000-0000-4000-8000-000000000000', { name: 'x' }).expect(404);
    await api(t, user).get('/v1/me').expect(200);
  });
});
