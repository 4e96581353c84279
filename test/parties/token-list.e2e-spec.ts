import { Role } from '@app/parties';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

interface Listed {
  id: string;
  userId: string;
  prefix: string;
  revokedAt: string | null;
  issuedBy: string | null;
  personal: boolean;
}

describe('GET /v1/tokens: a user’s tokens, never their secret', () => {
  let t: TestApp;
  let owner: Actor;
  let colleague: Actor;
  let admin: Actor;
  let otherAdmin: Actor;
  let otherUser: Actor;

  beforeAll(async () => {
    t = await createTestApp();
    const customer = (await createCustomer(t)).id;
    const other = (await createCustomer(t)).id;
    owner = await createUser(t, customer, [Role.Requester]);
    colleague = await createUser(t, customer, [Role.Requester]);
    admin = await createUser(t, customer, [Role.Admin]);
    otherAdmin = await createUser(t, other, [Role.Admin]);
    otherUser = await createUser(t, other, [Role.Requester]);
  });
  afterAll(() => t.close());

  it('lists the caller’s own tokens, newest first, revoked ones marked, without any secret', async () => {
    const minted = await api(t, owner).post(`/v1/users/${owner.id}/tokens`).expect(201);
    await api(t, owner).delete(`/v1/tokens/${minted.body.id}`).expect(204);
    const res = await api(t, owner).get('/v1/tokens').expect(200);
    const items = res.body.items as Listed[];
    // The admin's token at creation, the signed-in person's own, and the one just revoked.
    expect(items).toHaveLength(3);
    expect(items.every((token) => token.userId === owner.id)).toBe(true);
    expect(items[0]).toMatchObject({
      id: minted.body.id,
      prefix: minted.body.prefix,
      revokedAt: expect.any(String),
      issuedBy: owner.id,
    });
    expect(items.at(-1)).toMatchObject({ revokedAt: null, personal: false, issuedBy: null });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(minted.body.token);
    expect(text).not.toContain(owner.token);
    expect(text).not.toMatch(/token_?hash/i);
    expect(res.body.nextCursor).toBeNull();
  });

  it('pages with a cursor', async () => {
    const first = await api(t, owner).get('/v1/tokens?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');
    const rest = await api(t, owner)
      .get(`/v1/tokens?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .expect(200);
    expect(rest.body).toMatchObject({ items: [expect.any(Object)], nextCursor: null });
  });

  it('lets an admin list the tokens of a user of their organization', async () => {
    const res = await api(t, admin).get(`/v1/tokens?userId=${colleague.id}`).expect(200);
    expect((res.body.items as Listed[]).map((token) => token.userId)).toEqual([
      colleague.id,
      colleague.id,
    ]);
  });

  it('refuses a non-admin another user’s tokens, and a customer admin another tenant’s user', async () => {
    const colleagues = await api(t, owner).get(`/v1/tokens?userId=${colleague.id}`).expect(403);
    expect(colleagues.body.code).toBe('ADMIN_REQUIRED');
    const foreign = await api(t, otherAdmin).get(`/v1/tokens?userId=${owner.id}`).expect(404);
    expect(foreign.body.code).toBe('USER_NOT_FOUND');
    const own = await api(t, otherAdmin).get(`/v1/tokens?userId=${otherUser.id}`).expect(200);
    expect(own.body.items).toHaveLength(2);
  });

  it('lets a provider admin list any organization’s user, and refuses what is not a user id', async () => {
    const res = await api(t, t.adminToken).get(`/v1/tokens?userId=${otherUser.id}`).expect(200);
    expect(res.body.items).toHaveLength(2);
    const mine = await api(t, t.adminToken).get('/v1/tokens').expect(200);
    expect(mine.body).toEqual({ items: [], nextCursor: null });
    const bad = await api(t, admin).get('/v1/tokens?userId=nope').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});
