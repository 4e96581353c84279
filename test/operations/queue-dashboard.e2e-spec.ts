import request from 'supertest';
import { Role } from '@app/parties';
import { createCustomer, createUser, providerOrganizationId } from '../factories/parties.factory';
import { createTestApp, TestApp } from '../helpers/create-app';

describe('the queue dashboard at /admin/queues', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is for provider admins only, behind the same tokens', async () => {
    expect((await request(t.http).get('/admin/queues').expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
    const customerAdmin = await createUser(t, (await createCustomer(t)).id, [Role.Admin]);
    const res = await request(t.http)
      .get('/admin/queues')
      .set('Authorization', `Bearer ${customerAdmin.token}`)
      .expect(403);
    expect(res.body.code).toBe('ADMIN_REQUIRED');
    const providerAdmin = await createUser(t, await providerOrganizationId(t), [Role.Admin]);
    const page = await request(t.http)
      .get('/admin/queues')
      .set('Authorization', `Bearer ${providerAdmin.token}`)
      .expect(200);
    expect(page.text).toContain('<html');
    const api = await request(t.http)
      .get('/admin/queues/api/queues')
      .set('Authorization', `Bearer ${providerAdmin.token}`)
      .expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'deadlines',
      'mail',
      'notifications',
      'webhooks',
    ]);
  });
});
