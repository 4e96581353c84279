import { JobQueue, QueueName } from '@app/core';
import { WebhookDispatcher } from '@app/notifications';
import { DataSource } from 'typeorm';
import { OutboxEvent } from '@app/requests';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { waitFor } from '../helpers/wait-for';
import { WebhookReceiver } from './webhook-receiver';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };

/** Webhooks as deployed: WEBHOOK_ALLOW_PRIVATE off, so nothing inside the network is reachable. */
describe('webhooks reach public addresses only', () => {
  let inside: WebhookReceiver;
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    // A service inside the engine's network, which no tenant may make it call.
    inside = await new WebhookReceiver().start();
    t = await createTestApp({ withWorker: true });
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t.close();
    await inside.stop();
  });

  const port = () => new URL(inside.url).port;

  it.each([
    ['loopback', () => `http://127.0.0.1:${port()}/internal/admin`],
    ['the cloud metadata service', () => 'https://169.254.169.254/latest/meta-data/'],
    ['a private address', () => 'https://10.0.0.1/'],
    ['an IPv4-mapped loopback', () => 'https://[::ffff:127.0.0.1]/'],
    ['IPv6 loopback', () => `http://[::1]:${port()}/`],
    ['a unique-local IPv6 address', () => 'https://[fd00:ec2::254]/'],
  ])('refuses %s at registration with WEBHOOK_ADDRESS_NOT_PUBLIC', async (_what, url) => {
    const res = await api(t, cast.onRequest.admin).post('/v1/webhooks', { url: url() });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('WEBHOOK_ADDRESS_NOT_PUBLIC');
  });

  it('blocks a name that resolves to loopback at delivery: the listener gets nothing', async () => {
    const admin = cast.onRequest.admin;
    // A name, not an address: accepted now, judged by what it resolves to at each delivery.
    const created = await api(t, admin)
      .post('/v1/webhooks', {
        url: `http://localhost:${port()}/internal/admin`,
        eventTypes: ['request.submitted'],
      })
      .expect(201);
    const id = created.body.id as string;
    const { id: requestId } = await submitRequest(
      cast.onRequest.requester,
      REPLICA.action,
      REPLICA.params,
    );
    const { payload: event } = await t.app
      .get(DataSource)
      .getRepository(OutboxEvent)
      .findOneByOrFail({ aggregateId: requestId });
    const { jobs } = await t.app.get(WebhookDispatcher).dispatch(event);
    await t.app.get(JobQueue).enqueue(jobs);

    const delivery = await waitFor(async () => {
      const res = await api(t, admin).get(`/v1/webhooks/${id}/deliveries`).expect(200);
      const found = (res.body.items as { eventId: string; status: string }[]).find(
        (item) => item.eventId === event.id,
      );
      return found?.status === 'failed' ? found : undefined;
    }, 'the delivery to fail');
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      responseStatus: null,
      lastError: 'blocked_address',
      deliveredAt: null,
    });
    // Refused for good: no retry will try the inside address again.
    const job = await t.queue(QueueName.Webhooks).getJob(`${event.id}.${id}`);
    expect(await job!.getState()).toBe('failed');
    expect(inside.received).toHaveLength(0);
  });
});
