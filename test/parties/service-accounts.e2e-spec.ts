import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, SignInLink } from '@app/parties';
import { checkedByContract } from '../contract/contract-check';
import { createCustomer } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

/** Service accounts: machines calling with tokens admins mint; they never sign in, never decide. */
describe('service accounts', () => {
  let t: TestApp;
  let organizationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    organizationId = (await createCustomer(t)).id;
  });
  afterAll(() => t.close());

  const admin = () => api(t, t.adminToken);
  const addUser = (email: string, roles: Role[], kind?: 'person' | 'service') =>
    admin().post(`/v1/organizations/${organizationId}/users`, {
      email,
      name: email.split('@')[0],
      roles,
      ...(kind ? { kind } : {}),
    });
  const emails = async () =>
    (await admin().get(`/v1/organizations/${organizationId}/users`).expect(200)).body.items.map(
      (user: { email: string }) => user.email,
    ) as string[];

  it('are people unless told otherwise', async () => {
    const res = await addUser('ada@customer.test', [Role.Requester]).expect(201);
    expect(res.body.kind).toBe('person');
  });

  it.each([Role.Approver, Role.Consultant])(
    'cannot be created holding %s; nothing stored',
    async (role) => {
      const email = `svc-${role}@customer.test`;
      const res = await addUser(email, [Role.Requester, role], 'service').expect(422);
      expect(res.body).toMatchObject({
        code: 'SERVICE_ACCOUNT_CANNOT_DECIDE',
        details: { roles: role },
      });
      expect(await emails()).not.toContain(email);
    },
  );

  it('cannot be given a role that decides later; the roles stay as they were', async () => {
    const created = await addUser(
      'ci@customer.test',
      [Role.Requester, Role.Operator],
      'service',
    ).expect(201);
    expect(created.body).toMatchObject({ kind: 'service', roles: ['requester', 'operator'] });
    for (const role of [Role.Approver, Role.Consultant]) {
      const res = await admin()
        .patch(`/v1/users/${created.body.id}`, { roles: [role] })
        .expect(422);
      expect(res.body.code).toBe('SERVICE_ACCOUNT_CANNOT_DECIDE');
    }
    const [user] = (
      await admin().get(`/v1/organizations/${organizationId}/users`).expect(200)
    ).body.items.filter((u: { id: string }) => u.id === created.body.id);
    expect(user).toMatchObject({ kind: 'service', roles: ['requester', 'operator'] });
    // Its admin-minted token works for what it is for.
    await api(t, created.body.token as string)
      .get('/v1/me')
      .expect(200);
  });

  it('never gets a sign-in link, and the answer tells nothing of it', async () => {
    const created = await addUser('robot@customer.test', [Role.Requester], 'service').expect(201);
    const asked = await checkedByContract(
      t.http,
      request(t.http).post('/auth/email-link').send({ email: 'robot@customer.test' }),
    );
    const nobody = await checkedByContract(
      t.http,
      request(t.http).post('/auth/email-link').send({ email: 'nobody@customer.test' }),
    );
    expect([asked.status, asked.body]).toEqual([nobody.status, nobody.body]);
    const links = await t.app.get(DataSource).getRepository(SignInLink).countBy({
      userId: created.body.id,
    });
    expect(links).toBe(0);
  });
});
