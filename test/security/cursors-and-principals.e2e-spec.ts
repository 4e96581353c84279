import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { Endpoint, endpointsOf } from './route-inventory';

const UUID = '0b9e1f4e-7d8a-4c1e-9f3b-2a6d5c4e3f21';
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Cursors shaped like the API's own but holding what no page ever returns: each must be refused
 * with 400 INVALID_CURSOR, never reach the database as a 500.
 */
const FORGED_CURSORS: Record<string, string> = {
  'a non-uuid id': cursorOf(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
  'an id of another type': cursorOf(['2026-01-01T00:00:00.000Z', 42]),
  'a date before any the database holds': cursorOf(['-200000-01-01T00:00:00.000Z', UUID]),
  'a date as a huge number': cursorOf([-8.64e15, UUID]),
  'a sequence number': cursorOf([2 ** 40]),
  'an object': cursorOf({ createdAt: '2026-01-01T00:00:00.000Z', id: UUID }),
  'no JSON at all': Buffer.from('not json').toString('base64url'),
};

/** Every documented list that takes a cursor, and the errors of callers the engine cannot name. */
describe('cursors and principals without a user', () => {
  let t: TestApp;
  let cast: Cast;
  let requestId: string;
  let webhookId: string;
  let lists: Endpoint[];

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    requestId = (
      await submitRequest(cast.onRequest.requester, 'mariadb.add-read-only-replica', {
        instance: 'db-1',
      })
    ).id;
    webhookId = (
      await api(t, t.adminToken)
        .post('/v1/webhooks', { url: 'https://hooks.example.com/raci' })
        .expect(201)
    ).body.id;
    lists = (await endpointsOf(t.http)).filter(
      (endpoint) => endpoint.method === 'GET' && endpoint.queryParams.includes('cursor'),
    );
  });
  afterAll(() => t.close());

  /** The path of a list, its parameters filled with things that exist. */
  const pathOf = (endpoint: Endpoint): string =>
    endpoint.path.replace(/\/(\w[\w-]*)\/\{[^}]+\}/g, (_, collection: string) => {
      const ids: Record<string, string> = {
        requests: requestId,
        organizations: cast.onRequest.organizationId,
        users: cast.onRequest.requester.id,
        webhooks: webhookId,
      };
      if (!ids[collection]) throw new Error(`no id for ${endpoint.path}`);
      return `/${collection}/${ids[collection]}`;
    });

  it('finds the lists that take a cursor', () => {
    const paths = lists.map((endpoint) => endpoint.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/requests',
        '/v1/inbox',
        '/v1/requests/{id}/history',
        '/v1/audit/admin-events',
        '/v1/audit/checkpoints',
      ]),
    );
  });

  it.each(Object.entries(FORGED_CURSORS))(
    'answers 400 INVALID_CURSOR to a cursor holding %s, on every list',
    async (_, cursor) => {
      for (const endpoint of lists) {
        const path = `${pathOf(endpoint)}?cursor=${cursor}`;
        const res = await api(t, t.adminToken).get(path);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 400,
          code: 'INVALID_CURSOR',
        });
      }
    },
  );

  it('answers a comment by ADMIN_TOKEN, which names no user, 403 USER_REQUIRED and stores nothing', async () => {
    const before = await api(t, cast.provider.admin).get(`/v1/requests/${requestId}/comments`);
    for (const internal of [false, true]) {
      const res = await api(t, t.adminToken)
        .post(`/v1/requests/${requestId}/comments`, { body: 'From the bootstrap admin', internal })
        .expect(403);
      expect(res.body.code).toBe('USER_REQUIRED');
    }
    const after = await api(t, cast.provider.admin).get(`/v1/requests/${requestId}/comments`);
    expect(after.body.items).toEqual(before.body.items);
  });
});
