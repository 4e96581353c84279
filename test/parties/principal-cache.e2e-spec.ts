import request from 'supertest';
import { Role } from '@app/parties';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { signIn } from '../helpers/sign-in';

/**
 * The principal cache of one process, kept far longer than production may (10 minutes): each
 * change below can only take effect at once because the change clears it, not because it expired.
 */
describe('the principal cache of one API process', () => {
  let t: TestApp;
  let customerId: string;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_CACHE_TTL_MS: '600000' } });
    customerId = (await createCustomer(t)).id;
    admin = await createUser(t, customerId, [Role.Admin]);
  });
  afterAll(() => t.close());

  const me = (credential: string) => api(t, credential).get('/v1/me');
  const meWithCookie = (cookie: string) => request(t.http).get('/v1/me').set('Cookie', cookie);

  it('refuses a revoked token at once, however warm', async () => {
    const user = await createUser(t, customerId, [Role.Requester]);
    const second = await api(t, user).post(`/v1/users/${user.id}/tokens`).expect(201);
    await me(second.body.token).expect(200);
    await me(second.body.token).expect(200);
    await api(t, user).delete(`/v1/tokens/${second.body.id}`).expect(204);
    await me(second.body.token).expect(401);
    await me(user.token).expect(200);
  });

  it('refuses an ended session at once', async () => {
    const user = await createUser(t, customerId, [Role.Requester]);
    const session = await signIn(t, user.email);
    await meWithCookie(session.cookie).expect(200);
    await api(t, user).delete(`/v1/me/sessions/${session.sessionId}`).expect(204);
    await meWithCookie(session.cookie).expect(401);
  });

  it("refuses a deactivated user's token and session at once", async () => {
    const user = await createUser(t, customerId, [Role.Requester]);
    const session = await signIn(t, user.email);
    await me(user.token).expect(200);
    await meWithCookie(session.cookie).expect(200);
    await api(t, admin).patch(`/v1/users/${user.id}`, { active: false }).expect(200);
    await me(user.token).expect(401);
    await meWithCookie(session.cookie).expect(401);
  });

  it('shows a role change on the very next call', async () => {
    const user = await createUser(t, customerId, [Role.Requester]);
    expect((await me(user.token).expect(200)).body.roles).toEqual(['requester']);
    await api(t, admin)
      .patch(`/v1/users/${user.id}`, { roles: ['approver'] })
      .expect(200);
    expect((await me(user.token).expect(200)).body.roles).toEqual(['approver']);
  });
});
