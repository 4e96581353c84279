import request from 'supertest';
import { Role } from '@app/parties';
import { createCustomer, createUser, providerOrganizationId } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
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
    const res = await api(t, customerAdmin).get('/admin/queues').expect(403);
    expect(res.body.code).toBe('ADMIN_REQUIRED');
    const providerAdmin = await createUser(t, await providerOrganizationId(t), [Role.Admin]);
    const page = await api(t, providerAdmin).get('/admin/queues').expect(200);
    expect(page.text).toContain('<html');
    const queues = await api(t, providerAdmin).get('/admin/queues/api/queues').expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'audit-checkpoints',
      'catalog-changes',
      'deadlines',
      'delegations',
      'digests',
      'mail',
      'notifications',
      'sign-in',
      'webhook-dispatch',
      'webhooks',
    ]);
  });
});
