import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobQueue, QueueName, RequestEvent } from '@app/core';
import { verifyWebhook, WebhookDispatcher, WebhookEndpoint } from '@app/notifications';
import { OutboxEvent } from '@app/requests';
import { Actor } from '../factories/parties.factory';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { waitFor } from '../helpers/wait-for';
import { WebhookReceiver } from './webhook-receiver';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };

interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  requestId: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

describe('webhooks', () => {
  // The first retry waits about five seconds (the queue's backoff).
  jest.setTimeout(60_000);
  let receiver: WebhookReceiver;
  let mailDir: string;
  let t: TestApp;
  let cast: Cast;
  let breakerUp = false;

  beforeAll(async () => {
    // /flaky answers 500 to the first POST of each event; /gone is gone for good; so is /breaker
    // until breakerUp (a final answer: no retry adds a failure the test did not make).
    receiver = await new WebhookReceiver((path, nth) =>
      path === '/gone'
        ? 410
        : path === '/flaky' && nth === 1
          ? 500
          : path === '/breaker' && !breakerUp
            ? 410
            : 200,
    ).start();
    mailDir = mkdtempSync(join(tmpdir(), 'raci-webhooks-mail-'));
    t = await createTestApp({
      withWorker: true,
      // The receivers listen on loopback, which only this lets webhooks reach.
      env: { MAIL_DIR: mailDir, WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_FAILURES_BEFORE_PAUSE: '3' },
    });
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const register = (actor: Actor | string, body: object) =>
    api(t, actor).post('/v1/webhooks', body);

  /**
   * Dispatches an event again, as a dispatch job run a second time after a crash would: records what
   * is new, and queues the delivery jobs again (the same ids: a no-op where a job exists).
   */
  async function redispatch(event: RequestEvent): Promise<number> {
    const { jobs, recorded } = await t.app.get(WebhookDispatcher).dispatch(event);
    await t.app.get(JobQueue).enqueue(jobs);
    return recorded;
  }

  /** The event a real submission announced, as the outbox keeps it. */
  async function submittedEvent(requester: Actor): Promise<RequestEvent> {
    const { id } = await submitRequest(requester, REPLICA.action, REPLICA.params);
    const row = await t.app
      .get(DataSource)
      .getRepository(OutboxEvent)
      .findOneByOrFail({ aggregateId: id });
    return row.payload;
  }

  async function deliveryOf(actor: Actor, webhookId: string, eventId: string) {
    const res = await api(t, actor).get(`/v1/webhooks/${webhookId}/deliveries`).expect(200);
    return (res.body.items as DeliveryView[]).find((item) => item.eventId === eventId);
  }

  /** Waits until the one job of an event and endpoint is done with, whatever its end. */
  const jobDone = (eventId: string, webhookId: string) =>
    waitFor(async () => {
      const job = await t.queue(QueueName.Webhooks).getJob(`${eventId}.${webhookId}`);
      const state = job ? await job.getState() : 'missing';
      return state === 'completed' || state === 'failed' ? job : undefined;
    }, `the job of ${eventId} for ${webhookId}`);

  const settled = (actor: Actor, webhookId: string, eventId: string, status: string) =>
    waitFor(
      async () => {
        const delivery = await deliveryOf(actor, webhookId, eventId);
        return delivery?.status === status ? delivery : undefined;
      },
      `delivery of ${eventId} to be ${status}`,
      { timeoutMs: 40_000 },
    );

  it('registers an endpoint and shows its secret once, at creation', async () => {
    const admin = cast.onRequest.admin;
    const res = await register(admin, {
      url: `${receiver.url}/listed`,
      eventTypes: ['request.approved', 'request.completed'],
    }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      url: `${receiver.url}/listed`,
      eventTypes: ['request.approved', 'request.completed'],
      organizationId: cast.onRequest.organizationId,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      state: 'active',
      pausedAt: null,
    });
    expect(res.headers.location).toBe(`/v1/webhooks/${res.body.id}`);

    const list = await api(t, admin).get('/v1/webhooks').expect(200);
    expect(list.body.nextCursor).toBeNull();
    const listed = (list.body.items as { id: string }[]).find((item) => item.id === res.body.id);
    expect(listed).toEqual({
      id: res.body.id,
      url: `${receiver.url}/listed`,
      eventTypes: ['request.approved', 'request.completed'],
      organizationId: cast.onRequest.organizationId,
      createdAt: res.body.createdAt,
      state: 'active',
      pausedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);

    // At rest the secret is sealed: the row holds neither it nor any part of it.
    const row = await t.app
      .get(DataSource)
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('endpoint')
      .addSelect('endpoint.secret')
      .where('endpoint.id = :id', { id: res.body.id })
      .getOneOrFail();
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain((res.body.secret as string).slice('whsec_'.length, 20));

    await api(t, admin).delete(`/v1/webhooks/${res.body.id}`).expect(204);
    const after = await api(t, admin).get('/v1/webhooks').expect(200);
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(res.body.id);
    await api(t, admin).delete(`/v1/webhooks/${res.body.id}`).expect(404);
  });

  it('refuses plain http off loopback, unknown event types and malformed input', async () => {
    const admin = cast.onRequest.admin;
    for (const url of [
      'http://hooks.globex.example/raci',
      'http://10.0.0.5/hook',
      'ftp://x.test/',
    ]) {
      const res = await register(admin, { url }).expect(400);
      expect(res.body.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
    }
    const allowed = await register(admin, { url: 'https://hooks.globex.example/raci' }).expect(201);
    const unknown = await register(admin, {
      url: 'https://x.test/',
      eventTypes: ['request.eaten'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    await register(admin, { url: 'https://x.test/', eventTypes: [] }).expect(400);
    await register(admin, { url: 'https://x.test/', secret: 'mine' }).expect(400);
    await api(t, admin).delete(`/v1/webhooks/${allowed.body.id}`).expect(204);
  });

  it('keeps each customer to its own webhooks: another organization’s are not found', async () => {
    const mine = await register(cast.onRequest.admin, { url: `${receiver.url}/private` });
    const id = mine.body.id as string;
    const other = cast.selfService.admin;

    const list = await api(t, other).get('/v1/webhooks').expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    for (const res of [
      await api(t, other).get(`/v1/webhooks/${id}/deliveries`),
      await api(t, other).delete(`/v1/webhooks/${id}`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('WEBHOOK_NOT_FOUND');
    }
    const elsewhere = await register(other, {
      url: 'https://x.test/',
      organizationId: cast.onRequest.organizationId,
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('ORGANIZATION_NOT_FOUND');

    // Provider admins see and manage every organization's webhooks.
    const all = await api(t, t.adminToken).get('/v1/webhooks').expect(200);
    expect(all.body.items.map((item: { id: string }) => item.id)).toContain(id);
    const forCustomer = await register(t.adminToken, {
      url: 'https://hooks.selfservice.example/raci',
      organizationId: cast.selfService.organizationId,
    }).expect(201);
    expect(forCustomer.body.organizationId).toBe(cast.selfService.organizationId);
    await api(t, t.adminToken).delete(`/v1/webhooks/${forCustomer.body.id}`).expect(204);
    await api(t, cast.onRequest.admin).delete(`/v1/webhooks/${id}`).expect(204);
  });

  it('leaves webhooks to admins: anyone else gets 403', async () => {
    const mine = await register(cast.onRequest.admin, { url: 'https://x.test/' }).expect(201);
    for (const actor of [
      cast.onRequest.requester,
      cast.onRequest.approver,
      cast.provider.operator,
    ]) {
      for (const res of [
        await register(actor, { url: 'https://x.test/' }),
        await api(t, actor).get('/v1/webhooks'),
        await api(t, actor).get(`/v1/webhooks/${mine.body.id}/deliveries`),
        await api(t, actor).delete(`/v1/webhooks/${mine.body.id}`),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ADMIN_REQUIRED');
      }
    }
    await request(t.http).get('/v1/webhooks').expect(401);
    await api(t, cast.onRequest.admin).delete(`/v1/webhooks/${mine.body.id}`).expect(204);
  });

  it('delivers an event once, signed with the endpoint’s secret', async () => {
    const admin = cast.onRequest.admin;
    const created = await register(admin, { url: `${receiver.url}/ok` }).expect(201);
    const { id, secret } = created.body as { id: string; secret: string };
    const event = await submittedEvent(cast.onRequest.requester);
    await redispatch(event);
    const delivery = await settled(admin, id, event.id, 'delivered');
    expect(delivery).toMatchObject({
      eventType: 'request.submitted',
      requestId: event.requestId,
      attempts: 1,
      responseStatus: 200,
      lastError: null,
      deliveredAt: expect.any(String),
    });

    // A replayed event (the relay after a crash) is not delivered again.
    expect(await redispatch(event)).toBe(0);
    await jobDone(event.id, id);
    const hooks = receiver.of('/ok', event.id);
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.headers['raci-event-type']).toBe('request.submitted');
    expect(verifyWebhook(String(hook.headers['raci-signature']), hook.body, secret)).toBe(true);
    expect(verifyWebhook(String(hook.headers['raci-signature']), hook.body, 'whsec_other')).toBe(
      false,
    );
    expect(JSON.parse(hook.body)).toEqual({
      id: event.id,
      type: 'request.submitted',
      occurredAt: event.occurredAt,
      data: event,
    });

    // Deleted: nothing more is sent to it, and it is gone from the API.
    await api(t, admin).delete(`/v1/webhooks/${id}`).expect(204);
    const later = await submittedEvent(cast.onRequest.requester);
    await redispatch(later);
    expect(await t.queue(QueueName.Webhooks).getJob(`${later.id}.${id}`)).toBeUndefined();
    expect(receiver.of('/ok', later.id)).toHaveLength(0);
    await api(t, admin).get(`/v1/webhooks/${id}/deliveries`).expect(404);
  });

  it('retries a receiver that answered 500 and delivers on the next attempt, once', async () => {
    const admin = cast.onRequest.admin;
    const created = await register(admin, {
      url: `${receiver.url}/flaky`,
      eventTypes: ['request.submitted'],
    }).expect(201);
    const event = await submittedEvent(cast.onRequest.requester);
    await redispatch(event);
    await redispatch(event);
    const delivery = await settled(admin, created.body.id, event.id, 'delivered');
    expect(delivery).toMatchObject({ attempts: 2, responseStatus: 200, lastError: null });
    expect(await redispatch(event)).toBe(0);
    await jobDone(event.id, created.body.id);
    expect(receiver.of('/flaky', event.id).map((hook) => hook.answered)).toEqual([500, 200]);
    await api(t, admin).delete(`/v1/webhooks/${created.body.id}`).expect(204);
  });

  it('gives up at once on a receiver that answered 410', async () => {
    const admin = cast.onRequest.admin;
    const created = await register(admin, { url: `${receiver.url}/gone` }).expect(201);
    const event = await submittedEvent(cast.onRequest.requester);

    await t.app.get(WebhookDispatcher).dispatch(event);
    const delivery = await settled(admin, created.body.id, event.id, 'failed');
    expect(delivery).toMatchObject({
      attempts: 1,
      responseStatus: 410,
      deliveredAt: null,
      lastError: 'http_4xx',
    });
    const job = await t.queue(QueueName.Webhooks).getJob(`${event.id}.${created.body.id}`);
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(1);
    expect(receiver.of('/gone', event.id)).toHaveLength(1);
    await api(t, admin).delete(`/v1/webhooks/${created.body.id}`).expect(204);
  });

  it('shows a refused connection as "refused", never the raw network error', async () => {
    const admin = cast.onRequest.admin;
    // A port nobody listens on: take one, then let it go.
    const closed = await new WebhookReceiver().start();
    const url = `${closed.url}/nobody`;
    await closed.stop();
    const created = await register(admin, { url, eventTypes: ['request.submitted'] }).expect(201);
    const event = await submittedEvent(cast.onRequest.requester);
    await redispatch(event);
    const delivery = await waitFor(async () => {
      const found = await deliveryOf(admin, created.body.id, event.id);
      return found && found.attempts > 0 ? found : undefined;
    }, 'the first attempt');
    expect(delivery).toMatchObject({ lastError: 'refused', responseStatus: null });
    const all = await api(t, admin).get(`/v1/webhooks/${created.body.id}/deliveries`).expect(200);
    expect(JSON.stringify(all.body)).not.toMatch(/ECONN|fetch failed|ERR_/);
    await api(t, admin).delete(`/v1/webhooks/${created.body.id}`).expect(204);
  });

  it('pauses an endpoint that fails three times in a row, tells its admins, and resumes it', async () => {
    const admin = cast.onRequest.admin;
    const created = await register(admin, {
      url: `${receiver.url}/breaker`,
      eventTypes: ['request.submitted'],
    }).expect(201);
    const id = created.body.id as string;
    const events: RequestEvent[] = [];
    for (let i = 0; i < 3; i += 1) {
      const event = await submittedEvent(cast.onRequest.requester);
      events.push(event);
      await redispatch(event);
      await waitFor(() => receiver.of('/breaker', event.id).length > 0, 'a failed POST');
    }
    const paused = await waitFor(async () => {
      const list = await api(t, admin).get('/v1/webhooks').expect(200);
      const mine = (list.body.items as { id: string; state: string }[]).find((w) => w.id === id);
      return mine?.state === 'paused' ? mine : undefined;
    }, 'the endpoint to be paused');
    expect(paused).toMatchObject({ state: 'paused', pausedAt: expect.any(String) });
    for (const event of events) await settled(admin, id, event.id, 'failed');

    const log = await api(t, admin).get('/v1/audit/admin-events').expect(200);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ action: 'webhook.paused', subjectId: id }),
    );

    // Paused, it hears nothing.
    const meanwhile = await submittedEvent(cast.onRequest.requester);
    await redispatch(meanwhile);
    expect(await t.queue(QueueName.Webhooks).getJob(`${meanwhile.id}.${id}`)).toBeUndefined();

    await api(t, cast.onRequest.requester).post(`/v1/webhooks/${id}/resume`).expect(403);
    breakerUp = true;
    const resumed = await api(t, admin).post(`/v1/webhooks/${id}/resume`).expect(200);
    expect(resumed.body).toMatchObject({ id, state: 'active', pausedAt: null });
    const after = await submittedEvent(cast.onRequest.requester);
    await redispatch(after);
    await settled(admin, id, after.id, 'delivered');
    const log2 = await api(t, admin).get('/v1/audit/admin-events').expect(200);
    expect(log2.body.items).toContainEqual(
      expect.objectContaining({ action: 'webhook.resumed', subjectId: id }),
    );
    await api(t, admin).delete(`/v1/webhooks/${id}`).expect(204);
  });

  it('describes the webhook routes in the OpenAPI document', async () => {
    const doc = (await request(t.http).get('/docs/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths['/v1/webhooks'])).toEqual(['post', 'get']);
    expect(doc.paths['/v1/webhooks/{id}']).toHaveProperty('delete');
    expect(doc.paths['/v1/webhooks/{id}/deliveries']).toHaveProperty('get');
    expect(doc.paths['/v1/webhooks/{id}/resume']).toHaveProperty('post');
    expect(JSON.stringify(doc.components.schemas.CreateWebhookDto)).toContain(
      'https://hooks.globex.example/raci',
    );
  });
});
