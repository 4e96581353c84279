import type { Server } from 'node:http';
import { LiveInboxHub } from '@app/notifications';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { OpenStream, openEventStream } from '../helpers/event-stream';
import { waitFor } from '../helpers/wait-for';

const STREAM = '/v1/inbox/events';

/**
 * The live inbox: a change made through one API process reaches the streams open on another,
 * through Redis, and only those of the organizations that are a party to the request.
 */
describe('GET /v1/inbox/events', () => {
  let a: TestApp;
  let b: TestApp;
  let server: Server;
  let cast: Cast;
  const streams: OpenStream[] = [];

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ sharing: a });
    server = await b.app.listen(0, '127.0.0.1');
    cast = await createCast(a);
  });
  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await b?.close();
    await a?.close();
  });

  const open = async (token: string) => {
    const stream = await openEventStream(server, STREAM, token);
    streams.push(stream);
    return stream;
  };
  const eventsOf = (stream: OpenStream, requestId: string) =>
    stream.events
      .filter(({ event }) => event === 'inbox')
      .map(({ data }) => JSON.parse(data) as { requestId: string; event: string })
      .filter((data) => data.requestId === requestId)
      .map((data) => data.event);

  it('tells the parties on app B of what happens through app A, and nobody else', async () => {
    const customer = await open(cast.onRequest.approver.token);
    const provider = await open(cast.provider.operator.token);
    const stranger = await open(cast.selfService.approver.token);
    for (const stream of [customer, provider, stranger]) {
      expect(stream.status).toBe(200);
      expect(stream.text()).toMatch(/^retry: \d+\n\n/);
    }

    const request = await submitRequest(cast.onRequest.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-1',
    });
    await walk(request, 'cancel');

    const told = ['request.submitted', 'request.cancelled'];
    await waitFor(() => eventsOf(customer, request.id).length === 2, 'the customer’s two events');
    await waitFor(() => eventsOf(provider, request.id).length === 2, 'the provider’s two events');
    expect(eventsOf(customer, request.id)).toEqual(told);
    expect(eventsOf(provider, request.id)).toEqual(told);
    // A request of the stranger's own comes after: once it arrived, nothing else is on its way.
    const own = await submitRequest(cast.selfService.requester, 'mariadb.backup-and-restoration', {
      operation: 'restore',
      resource: 'db-2',
      restorePoint: '2026-11-01T00:00:00Z',
    });
    await waitFor(() => eventsOf(stranger, own.id).length === 1, 'the stranger’s own event');
    expect(stranger.events.filter(({ event }) => event === 'inbox')).toEqual([
      { event: 'inbox', data: JSON.stringify({ requestId: own.id, event: 'request.submitted' }) },
    ]);
  });

  it('lets go of a stream when its client goes away', async () => {
    const hub = b.app.get(LiveInboxHub);
    const before = hub.size;
    const stream = await open(cast.onRequest.requester.token);
    expect(hub.size).toBe(before + 1);
    stream.close();
    await waitFor(() => hub.size === before, 'the stream to be let go');
  });

  it('refuses a caller without a valid credential (401)', async () => {
    const res = await api(b, 'raci_not-a-token')
      .get(STREAM)
      .set('Accept', 'text/event-stream')
      .expect(401);
    expect(res.body.code).toBeDefined();
  });
});
