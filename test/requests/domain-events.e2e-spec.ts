import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-app';
import { RequestEvent } from '@app/core';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { MetricsRefresher } from '../../apps/api/src/metrics/metrics-refresher';
import { MetricsServer } from '../../apps/api/src/metrics/metrics.server';

describe('domain events and their outbox rows', () => {
  let t: TestApp;
  let cast: Cast;
  const heard: RequestEvent[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    t.app
      .get(EventEmitter2)
      .onAny((_name: string | string[], event: RequestEvent) => heard.push(event));
  });
  afterAll(() => t.close());

  it('emits exactly one event per change, after commit, each with its outbox row', async () => {
    const { onRequest: customer } = cast;
    const replica = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-1',
    });
    const { id } = replica;
    await walk(replica, 'approve');
    await api(t, customer.approver).post(`/v1/requests/${id}/approve`).expect(403);
    await walk(replica, 'start', 'complete');

    const mine = heard.filter((event) => event.requestId === id);
    expect(mine.map((event) => [event.type, event.fromState, event.toState])).toEqual([
      ['request.submitted', null, 'pending_approval'],
      ['request.approved', 'pending_approval', 'approved'],
      ['request.started', 'approved', 'in_progress'],
      ['request.completed', 'in_progress', 'completed'],
    ]);
    const outbox: { id: string; type: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT id, type FROM outbox_events WHERE aggregate_id = '${id}' ORDER BY created_at`);
    expect(outbox.map((row) => row.id)).toEqual(mine.map((event) => event.id));
  });

  it('counts requests by state in the metrics', async () => {
    await t.app.get(MetricsRefresher).refresh();
    const metrics = `http://127.0.0.1:${t.app.get(MetricsServer).address()!.port}`;
    const res = await request(metrics).get('/metrics').expect(200);
    expect(res.text).toMatch(/^raci_requests\{state="completed"\} [1-9]/m);
    expect(res.text).toMatch(/^raci_requests\{state="rejected"\} 0/m);
    expect(res.text).toMatch(/^raci_mail_deliveries\{status="failed"\} 0/m);
    expect(res.text).toContain('raci_queue_jobs{queue="notifications",state="waiting"}');
  });

  it('describes every route in the OpenAPI document, with examples', async () => {
    const doc = (await request(t.http).get('/docs/openapi.json').expect(200)).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = [
      'GET /health',
      'GET /v1/catalog/actions',
      'GET /v1/catalog/actions/{key}',
      'GET /v1/catalog/matrix',
      'POST /v1/organizations',
      'GET /v1/organizations',
      'POST /v1/organizations/{id}/users',
      'PATCH /v1/organizations/{id}',
      'GET /v1/organizations/{id}/quota',
      'PATCH /v1/users/{id}',
      'GET /v1/me',
      'POST /v1/requests',
      'POST /v1/requests/preview',
      'GET /v1/requests',
      'GET /v1/requests/{id}',
      'GET /v1/requests/{id}/history',
      'GET /v1/requests/{id}/comments',
      'GET /v1/inbox',
      'GET /v1/audit/verify',
      'GET /v1/audit/admin-events',
      'GET /v1/audit/admin-events/verify',
      ...[
        'opinions',
        'waive-consultation',
        'approve',
        'reject',
        'start',
        'complete',
        'fail',
        'cancel',
        'comments',
      ].map((verb) => `POST /v1/requests/{id}/${verb}`),
    ];
    expect(routes).toEqual(expect.arrayContaining(expected));
    expect(JSON.stringify(doc.components.schemas.SubmitRequestDto)).toContain(
      'mariadb.add-read-only-replica',
    );
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });
});
