import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { E2E_DRIVER } from '../helpers/test-database';

/**
 * Every use case reads and writes through the one connection of its transaction. A query that takes
 * a second connection from the pool while the first is held deadlocks the pool as soon as as many
 * calls run at once as it has connections: with a pool of one, at the first of them. Each call here
 * would then wait for DATABASE_CONNECT_TIMEOUT_MS and answer 503.
 */
const describePostgres = E2E_DRIVER === 'postgres' ? describe : describe.skip;

describePostgres('a pool of one database connection', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '1' } });
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  it('serves whole lifecycles, several at once, without waiting on itself', async () => {
    const { onRequest: customer, provider } = cast;
    const lifecycles = Array.from({ length: 3 }, async (_, n) => {
      const request = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
        instance: `db-${n}`,
      });
      return walk(request, 'approve', 'start', 'complete');
    });
    const views = await Promise.all(lifecycles);
    expect(views.map((view) => view.state)).toEqual(['completed', 'completed', 'completed']);
    await api(t, provider.approver).get('/v1/inbox').expect(200);
    const listed = await api(t, customer.requester).get('/v1/requests').expect(200);
    expect(listed.body.items.length).toBeGreaterThanOrEqual(3);
  });
});
