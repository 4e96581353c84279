import { DataSource } from 'typeorm';
import { Role } from '@app/parties';
import { createCast, Cast } from '../factories/cast.factory';
import { createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

interface AdminEventBody {
  id: string;
  organizationId: string;
  seq: number;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

describe('the admin audit log (GET /v1/audit/admin-events)', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  /** Every event of an organization, newest first, read page by page as `caller`. */
  const eventsOf = async (organizationId: string, caller = cast.provider.admin) => {
    const events: AdminEventBody[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `organizationId=${organizationId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api(t, caller).get(`/v1/audit/admin-events?${query}`).expect(200);
      events.push(...(page.body.items as AdminEventBody[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return events;
  };

  it('records who changed what, from and to, for every kind of admin change, never a secret', async () => {
    const customer = await createCustomer(t);
    const admin = await createUser(t, customer.id, [Role.Admin]);
    const user = await createUser(t, customer.id, [Role.Requester]);
    const as = api(t, admin);
    await as.patch(`/v1/organizations/${customer.id}`, { locale: 'fr' }).expect(200);
    await as.patch(`/v1/users/${user.id}`, { roles: ['approver'] }).expect(200);
    const token = (await as.post(`/v1/users/${user.id}/tokens`).expect(201)).body;
    await as.delete(`/v1/tokens/${token.id}`).expect(204);
    const packages = { unit: 'anonymization-treatment', packages: 1 };
    await api(t, cast.provider.admin)
      .put(`/v1/organizations/${customer.id}/quota-packages`, packages)
      .expect(200);
    const hook = await as
      .post('/v1/webhooks', { url: 'https://hooks.example.test/raci?key=query-secret-7f3a9c' })
      .expect(201);
    await as.delete(`/v1/webhooks/${hook.body.id}`).expect(204);

    const events = await eventsOf(customer.id, admin);
    // Each new user comes with the token the admin minted, then mints their own, signed in.
    expect(events.map((e) => e.action).reverse()).toEqual([
      'organization.created',
      'user.created',
      'token.created',
      'token.created',
      'user.created',
      'token.created',
      'token.created',
      'organization.updated',
      'user.updated',
      'token.created',
      'token.revoked',
      'organization.quota-packages-changed',
      'webhook.created',
      'webhook.deleted',
    ]);
    expect(events.map((e) => e.seq)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const minted = events.filter((e) => e.action === 'token.created').reverse();
    expect(minted.map((e) => [e.actorId, e.changes.personal?.to])).toEqual([
      [null, false],
      [admin.id, true],
      [null, false],
      [user.id, true],
      [admin.id, false],
    ]);
    const byAction = (action: string) => events.find((e) => e.action === action)!;
    expect(byAction('organization.updated')).toMatchObject({
      actorId: admin.id,
      subjectId: customer.id,
      changes: { locale: { from: 'en', to: 'fr' } },
    });
    expect(byAction('user.updated').changes).toEqual({
      roles: { from: ['requester'], to: ['approver'] },
    });
    expect(byAction('organization.quota-packages-changed')).toMatchObject({
      actorId: cast.provider.admin.id,
      changes: { 'quotaPackages.anonymization-treatment': { from: 0, to: 1 } },
    });
    expect(byAction('webhook.created').changes).toMatchObject({
      url: { from: null, to: 'https://hooks.example.test/raci?[redacted]' },
      secret: { from: null, to: '[redacted]' },
    });
    const text = JSON.stringify(events);
    for (const secret of [
      token.token,
      hook.body.secret,
      admin.token,
      user.token,
      'query-secret-7f3a9c',
    ])
      expect(text).not.toContain(secret);
  });

  it('shows an organization’s admins their own log only, and provider admins every log', async () => {
    const { onRequest, selfService, provider } = cast;
    const own = await api(t, onRequest.admin).get('/v1/audit/admin-events').expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    for (const event of own.body.items as AdminEventBody[])
      expect(event.organizationId).toBe(onRequest.organizationId);
    const other = `/v1/audit/admin-events?organizationId=${selfService.organizationId}`;
    expect((await api(t, onRequest.admin).get(other).expect(404)).body.code).toBe(
      'ORGANIZATION_NOT_FOUND',
    );
    expect(
      (await api(t, onRequest.approver).get('/v1/audit/admin-events').expect(403)).body.code,
    ).toBe('ADMIN_REQUIRED');
    await api(t, provider.operator).get('/v1/audit/admin-events').expect(403);
    const all = await api(t, provider.admin).get('/v1/audit/admin-events?limit=200').expect(200);
    const organizations = new Set(
      (all.body.items as AdminEventBody[]).map((e) => e.organizationId),
    );
    expect([...organizations]).toEqual(
      expect.arrayContaining([
        onRequest.organizationId,
        selfService.organizationId,
        provider.organizationId,
      ]),
    );
    const bad = await api(t, provider.admin)
      .get('/v1/audit/admin-events?cursor=garbage')
      .expect(400);
    expect(bad.body.code).toBe('INVALID_CURSOR');
    await api(t, provider.admin).get('/v1/audit/admin-events?organizationId=nope').expect(400);
  });

  it('keeps one chain per organization when changes arrive at once', async () => {
    const customer = await createCustomer(t);
    const admin = await createUser(t, customer.id, [Role.Admin]);
    const users = await Promise.all(
      [1, 2, 3].map(() => createUser(t, customer.id, [Role.Requester])),
    );
    await Promise.all(
      users.flatMap((user) => [
        api(t, admin).post(`/v1/users/${user.id}/tokens`).expect(201),
        api(t, admin)
          .patch(`/v1/users/${user.id}`, { name: `Renamed ${user.id}` })
          .expect(200),
      ]),
    );
    // Four users, each with the admin's token and their own: 1 + 4 × 3 + 3 × 2 events.
    const seqs = (await eventsOf(customer.id)).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 19 }, (_, i) => 19 - i));
    const verdict = await api(t, admin).get('/v1/audit/admin-events/verify').expect(200);
    expect(verdict.body).toEqual({ ok: true, checked: 19 });
  });

  it('verifies the chains, and names the first edited entry', async () => {
    const customer = await createCustomer(t);
    const admin = await createUser(t, customer.id, [Role.Admin]);
    await api(t, admin).patch(`/v1/organizations/${customer.id}`, { locale: 'fr' }).expect(200);
    const verify = (caller = cast.provider.admin, query = '') =>
      api(t, caller).get(`/v1/audit/admin-events/verify${query}`).expect(200);
    expect((await verify()).body).toMatchObject({ ok: true, checked: expect.any(Number) });
    expect((await verify(admin)).body).toEqual({ ok: true, checked: 5 });
    await api(t, cast.onRequest.admin)
      .get(`/v1/audit/admin-events/verify?organizationId=${customer.id}`)
      .expect(404);
    await api(t, cast.onRequest.requester).get('/v1/audit/admin-events/verify').expect(403);

    const dataSource = t.app.get(DataSource);
    const [updated] = await dataSource.query(
      `SELECT id FROM admin_events WHERE organization_id = '${customer.id}' AND seq = 4`,
    );
    await dataSource.query(
      `UPDATE admin_events SET changes = '{"locale":{"from":"en","to":"de"}}' WHERE id = '${updated.id}'`,
    );
    const broken = { ok: false, checked: 3, firstBroken: { id: updated.id, seq: 4 } };
    expect((await verify(admin)).body).toMatchObject({
      ...broken,
      firstBroken: {
        ...broken.firstBroken,
        organizationId: customer.id,
        problem: expect.stringMatching(/edited/),
      },
    });
    expect((await verify()).body).toMatchObject({ ok: false });
    expect((await verify(cast.onRequest.admin)).body).toMatchObject({ ok: true });
  });
});
