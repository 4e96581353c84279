import { Role } from '@app/parties';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

/** A customer never learns about another: everything of another tenant is "not found". */
describe('tenancy', () => {
  let t: TestApp;
  let a: { id: string; name: string };
  let b: { id: string; name: string };
  let adminA: Actor;
  let requesterA: Actor;
  let requesterB: Actor;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createCustomer(t);
    b = await createCustomer(t);
    adminA = await createUser(t, a.id, [Role.Admin]);
    requesterA = await createUser(t, a.id, [Role.Requester]);
    requesterB = await createUser(t, b.id, [Role.Requester]);
  });
  afterAll(() => t.close());

  it('shows a customer user its own organization only', async () => {
    for (const actor of [adminA, requesterA]) {
      const list = await api(t, actor).get('/v1/organizations').expect(200);
      expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([a.id]);
      await api(t, actor).get(`/v1/organizations/${a.id}`).expect(200);
    }
  });

  it("answers 404 for another customer's organization, exactly as for an unknown one", async () => {
    const other = await api(t, requesterA).get(`/v1/organizations/${b.id}`).expect(404);
    expect(other.body).toEqual({
      statusCode: 404,
      code: 'ORGANIZATION_NOT_FOUND',
      message: `No organization has the id "${b.id}".`,
      details: { id: b.id },
      requestId: expect.any(String),
    });
    const provider = (await api(t, t.adminToken).get('/v1/me')).body.organization.id;
    await api(t, requesterA).get(`/v1/organizations/${provider}`).expect(404);
  });

  it("keeps customer A's admin out of customer B: 404, and nothing stored", async () => {
    const admin = api(t, adminA);
    const res = await admin
      .post(`/v1/organizations/${b.id}/users`, {
        email: 'intruder@a.example',
        name: 'Intruder',
        roles: ['admin'],
      })
      .expect(404);
    expect(res.body).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
    await admin.get(`/v1/organizations/${b.id}/users`).expect(404);
    const usersOfB = await api(t, t.adminToken).get(`/v1/organizations/${b.id}/users`);
    expect(usersOfB.body.items.map((u: { email: string }) => u.email)).toEqual([requesterB.email]);
  });

  it("keeps customer A's admin away from customer B's tokens", async () => {
    const admin = api(t, adminA);
    const issue = await admin.post(`/v1/users/${requesterB.id}/tokens`).expect(404);
    expect(issue.body).toMatchObject({ code: 'USER_NOT_FOUND' });
    const tokenOfB = await api(t, requesterB).post(`/v1/users/${requesterB.id}/tokens`).expect(201);
    const revoke = await admin.delete(`/v1/tokens/${tokenOfB.body.id}`).expect(404);
    expect(revoke.body).toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    await api(t, tokenOfB.body.token).get('/v1/me').expect(200);
  });
});
