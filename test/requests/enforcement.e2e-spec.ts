import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-app';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-prod-01' } };

describe('request enforcement', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const submitReplica = () =>
    submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
  const countRows = async (table: string) =>
    Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it("keeps each customer out of another's requests: 404, never 403", async () => {
    const { id } = await submitReplica();
    const other = cast.selfService;
    expect((await api(t, other.requester).get(`/v1/requests/${id}`).expect(404)).body.code).toBe(
      'REQUEST_NOT_FOUND',
    );
    await api(t, other.approver).get(`/v1/requests/${id}/history`).expect(404);
    await api(t, other.approver).post(`/v1/requests/${id}/cancel`).expect(404);
    await api(t, other.operator).post(`/v1/requests/${id}/comments`, { body: 'hello' }).expect(404);
    const listed = await api(t, other.requester)
      .get(`/v1/requests?organizationId=${cast.onRequest.organizationId}`)
      .expect(200);
    expect(
      listed.body.items.every(
        (r: { organizationId: string }) => r.organizationId === other.organizationId,
      ),
    ).toBe(true);
    await api(t, cast.provider.operator).get(`/v1/requests/${id}`).expect(200);
    await request(t.http).get(`/v1/requests/${id}`).expect(401);
  });

  it('lets one of two racing approvals win; the other gets 409', async () => {
    const { id } = await submitReplica();
    const [a, b] = await Promise.all([
      api(t, cast.provider.approver).post(`/v1/requests/${id}/approve`),
      api(t, cast.provider.secondApprover).post(`/v1/requests/${id}/approve`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const history = await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200);
    expect(
      history.body.items.filter((e: { event: string }) => e.event === 'request.approved'),
    ).toHaveLength(1);
  });

  it('replays an Idempotency-Key: same response, nothing created twice; another body is 422', async () => {
    const requester = cast.onRequest.requester;
    const send = (body: object) =>
      api(t, requester).post('/v1/requests', body).set('Idempotency-Key', 'replica-2026-11-24');
    const before = await countRows('requests');
    const first = await send(REPLICA).expect(201);
    const again = await send(REPLICA).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await countRows('requests')).toBe(before + 1);
    expect((await send({ ...REPLICA, comment: 'different' }).expect(422)).body.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('four eyes: the submitter never approves their own request, even as an approver', async () => {
    const { provider, onRequest } = cast;
    const mine = await submitRequest(provider.approver, REPLICA.action, REPLICA.params, {
      organizationId: onRequest.organizationId,
    });
    expect(
      (await api(t, provider.approver).post(`/v1/requests/${mine.id}/approve`).expect(403)).body
        .code,
    ).toBe('RACI_FOUR_EYES');
    await walk(mine, ['approve', provider.secondApprover]);
  });

  it('gives an admin no RACI power', async () => {
    const { id } = await submitReplica();
    await api(t, cast.provider.admin).post(`/v1/requests/${id}/approve`).expect(403);
    await api(t, t.adminToken).post(`/v1/requests/${id}/approve`, {}).expect(403);
    expect(
      (await api(t, cast.provider.admin).post('/v1/requests', REPLICA).expect(403)).body.code,
    ).toBe('ROLE_REQUIRED');
  });

  it('lets the submitter or the Accountable cancel before work starts, nobody after', async () => {
    const mine = await submitReplica();
    expect(
      (await api(t, cast.onRequest.approver).post(`/v1/requests/${mine.id}/cancel`).expect(403))
        .body.code,
    ).toBe('RACI_NOT_SUBMITTER_OR_ACCOUNTABLE');
    await walk(mine, { verb: 'cancel', body: { reason: 'not needed' } });
    const started = await submitReplica();
    await walk(started, 'approve', 'start');
    expect(
      (await api(t, cast.onRequest.requester).post(`/v1/requests/${started.id}/cancel`).expect(409))
        .body.code,
    ).toBe('REQUEST_INVALID_TRANSITION');
  });

  it.each([
    ['an unknown field', { ...REPLICA, colour: 'red' }, 400, 'VALIDATION_FAILED'],
    [
      'params of the wrong type',
      { action: REPLICA.action, params: 'db' },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown action', { action: 'mariadb.teleport', params: {} }, 400, 'ACTION_NOT_FOUND'],
    [
      'a standing responsibility',
      { action: 'mariadb.standard-monitoring', params: {} },
      400,
      'ACTION_NOT_REQUESTABLE',
    ],
    [
      'an action outside the plan',
      { action: 'object-storage.create-bucket', params: { bucketName: 'abc' } },
      400,
      'ACTION_NOT_IN_PLAN',
    ],
    [
      'params the schema refuses',
      { action: REPLICA.action, params: { instance: 'db', extra: true } },
      400,
      'REQUEST_PARAMS_INVALID',
    ],
    ['an oversized body', { ...REPLICA, comment: 'x'.repeat(70_000) }, 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s with a code and stores nothing', async (_, body, status, code) => {
    const before = [
      await countRows('requests'),
      await countRows('audit_entries'),
      await countRows('outbox_events'),
    ];
    const res = await api(t, cast.onRequest.requester).post('/v1/requests', body).expect(status);
    expect(res.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
    expect([
      await countRows('requests'),
      await countRows('audit_entries'),
      await countRows('outbox_events'),
    ]).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await api(t, cast.onRequest.requester)
      .post('/v1/requests')
      .set('Content-Type', 'application/json')
      .send('{"action":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('keeps internal comments from customers, and only the provider writes them', async () => {
    const { id } = await submitReplica();
    await api(t, cast.provider.operator)
      .post(`/v1/requests/${id}/comments`, { body: 'Check the disk first', internal: true })
      .expect(201);
    await api(t, cast.onRequest.requester)
      .post(`/v1/requests/${id}/comments`, { body: 'Thanks!' })
      .expect(201);
    expect(
      (
        await api(t, cast.onRequest.requester)
          .post(`/v1/requests/${id}/comments`, { body: 'x', internal: true })
          .expect(400)
      ).body.code,
    ).toBe('INTERNAL_COMMENT_NOT_ALLOWED');
    const seenByCustomer = await api(t, cast.onRequest.requester)
      .get(`/v1/requests/${id}/comments`)
      .expect(200);
    expect(seenByCustomer.body.items.map((c: { body: string }) => c.body)).toEqual(['Thanks!']);
    const seenByProvider = await api(t, cast.provider.operator)
      .get(`/v1/requests/${id}/comments`)
      .expect(200);
    expect(seenByProvider.body.items).toHaveLength(2);
    const history = await api(t, cast.onRequest.requester)
      .get(`/v1/requests/${id}/history`)
      .expect(200);
    expect(JSON.stringify(history.body)).not.toContain('Check the disk first');
  });

  it('paginates with a cursor, newest first, without gaps or repeats', async () => {
    const customer = cast.selfService;
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const params = { cluster: `k8s-${n}` };
      ids.push((await submitRequest(customer.requester, 'kubernetes.add-node', params)).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await api(t, customer.requester)
        .get(`/v1/requests?action=kubernetes.add-node&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect(
      (await api(t, customer.requester).get('/v1/requests?cursor=garbage').expect(400)).body.code,
    ).toBe('INVALID_CURSOR');
  });

  it('names the first edited history entry in /v1/audit/verify', async () => {
    const replica = await submitReplica();
    const { id } = replica;
    await walk(replica, { verb: 'approve', body: { comment: 'fine' } });
    expect(
      (await api(t, cast.provider.admin).get('/v1/audit/verify').expect(200)).body,
    ).toMatchObject({ ok: true });
    await api(t, cast.provider.approver).get('/v1/audit/verify').expect(403);
    const [approved] = await t.app
      .get(DataSource)
      .query(`SELECT id FROM audit_entries WHERE request_id = '${id}' AND seq = 2`);
    await t.app
      .get(DataSource)
      .query(
        `UPDATE audit_entries SET comment = 'approved without looking' WHERE id = '${approved.id}'`,
      );
    const verdict = await api(t, cast.provider.admin).get('/v1/audit/verify').expect(200);
    expect(verdict.body).toMatchObject({
      ok: false,
      firstBroken: {
        id: approved.id,
        requestId: id,
        seq: 2,
        problem: expect.stringMatching(/edited/),
      },
    });
  });
});
