import { DataSource } from 'typeorm';
import { OutboxEvent } from '@app/requests';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

/**
 * An internal comment is the provider's own: a customer sees no trace of it, neither in the
 * comments nor in the history, the request's version, ETag and update time, or the events its
 * webhooks and notifications are made from.
 */
describe('internal comments leave no trace a customer can see', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  /** Everything of a request its customer can read. */
  const seenBy = async (customer: Actor, id: string) => {
    const request = await api(t, customer).get(`/v1/requests/${id}`).expect(200);
    const history = await api(t, customer).get(`/v1/requests/${id}/history`).expect(200);
    const comments = await api(t, customer).get(`/v1/requests/${id}/comments`).expect(200);
    return {
      etag: request.headers.etag,
      version: request.body.version,
      updatedAt: request.body.updatedAt,
      history: history.body.items,
      comments: comments.body.items,
    };
  };
  const eventsOf = (id: string) =>
    t.app
      .get(DataSource)
      .manager.find(OutboxEvent, { where: { aggregateId: id }, order: { createdAt: 'ASC' } })
      .then((rows) => rows.map((row) => row.type));

  it('changes nothing the customer reads, and makes no event', async () => {
    const { requester } = cast.onRequest;
    const { id } = await submitRequest(requester, 'mariadb.add-read-only-replica', {
      instance: 'db-1',
    });
    const before = await seenBy(requester, id);
    const eventsBefore = await eventsOf(id);

    const internal = await api(t, cast.provider.operator)
      .post(`/v1/requests/${id}/comments`, { body: 'Check the disk first', internal: true })
      .expect(201);
    expect(internal.body).toMatchObject({ internal: true, body: 'Check the disk first' });

    expect(await seenBy(requester, id)).toEqual(before);
    expect(await eventsOf(id)).toEqual(eventsBefore);
    // The provider reads it among the comments.
    const provider = await api(t, cast.provider.operator)
      .get(`/v1/requests/${id}/comments`)
      .expect(200);
    expect(provider.body.items.map((c: { id: string }) => c.id)).toEqual([internal.body.id]);
  });

  it('still answers a stale If-Match 412, as any comment does', async () => {
    const { requester } = cast.onRequest;
    const { id } = await submitRequest(requester, 'mariadb.add-read-only-replica', {
      instance: 'db-2',
    });
    const res = await api(t, cast.provider.operator)
      .post(`/v1/requests/${id}/comments`, { body: 'Late note', internal: true })
      .set('If-Match', '"99"')
      .expect(412);
    expect(res.body.code).toBe('PRECONDITION_FAILED');
  });

  it('records a public comment as a change the customer sees, unlike an internal one', async () => {
    const { requester } = cast.onRequest;
    const { id } = await submitRequest(requester, 'mariadb.add-read-only-replica', {
      instance: 'db-3',
    });
    const before = await seenBy(requester, id);
    await api(t, cast.provider.operator)
      .post(`/v1/requests/${id}/comments`, { body: 'On it' })
      .expect(201);
    const after = await seenBy(requester, id);
    expect(after.version).toBe(before.version + 1);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(await eventsOf(id)).toContain('request.commented');
  });
});
