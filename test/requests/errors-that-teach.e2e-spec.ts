import { DataSource } from 'typeorm';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

/**
 * Errors that teach: each refusal says what was wrong and how to put it right, beside a caller who
 * does it right and succeeds.
 */
describe('errors that teach', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const requestCount = async (): Promise<number> =>
    Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM requests'))[0].n);
  const replica = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };

  describe('a body that is not JSON', () => {
    it('answers 415 UNSUPPORTED_MEDIA_TYPE saying to send JSON, and stores nothing', async () => {
      const before = await requestCount();
      for (const [type, body] of [
        ['text/plain', JSON.stringify(replica)],
        ['application/x-www-form-urlencoded', 'action=mariadb.add-read-only-replica'],
      ]) {
        const res = await api(t, cast.onRequest.requester)
          .post('/v1/requests')
          .set('Content-Type', type)
          .send(body);
        if (res.status !== 415) console.log(type, res.status, res.body);
        expect(res.status).toBe(415);
        expect(res.body).toEqual({
          statusCode: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: expect.stringContaining('send Content-Type: application/json'),
          details: { reason: expect.stringContaining(type), contentType: type },
          requestId: expect.any(String),
        });
      }
      expect(await requestCount()).toBe(before);
    });

    it('takes the same body sent as JSON, a bodyless call, and the forms of email links', async () => {
      const created = await api(t, cast.onRequest.requester)
        .post('/v1/requests')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(replica))
        .expect(201);
      // approve takes an optional body: none at all is fine.
      await api(t, cast.provider.approver)
        .post(`/v1/requests/${created.body.id as string}/approve`)
        .expect(200);
      // The form routes still read URL-encoded bodies: an unknown link is a page, not a 415.
      for (const path of ['/v1/unsubscribe/not-a-token', '/v1/email-actions/not-a-token']) {
        const res = await api(t, cast.onRequest.requester)
          .post(path)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send('List-Unsubscribe=One-Click');
        expect(res.status).not.toBe(415);
        expect(res.status).toBeLessThan(500);
      }
    });
  });

  it('documents the new codes in the OpenAPI document, the 415 on every JSON route', async () => {
    const { paths } = (await api(t, cast.onRequest.requester).get('/docs/openapi.json').expect(200))
      .body as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const submit = paths['/v1/requests'].post.responses;
    expect(submit['422'].description).toMatch(/NO_ELIGIBLE_APPROVER.*NO_ELIGIBLE_CONSULTANT/s);
    expect(submit['415'].description).toContain('UNSUPPORTED_MEDIA_TYPE');
    expect(paths['/v1/webhooks'].post.responses['415'].description).toContain(
      'Content-Type: application/json',
    );
    expect(paths['/v1/requests/{id}/approve'].post.responses['409'].description).toContain(
      'REQUEST_CONSULTATION_PENDING',
    );
    // The forms of email links read URL-encoded bodies: their 415 is only an unreadable encoding.
    expect(paths['/v1/email-actions/{token}'].post.responses['415'].description).not.toContain(
      'application/json',
    );
  });

  describe('params that fail the schema', () => {
    it('names the unknown property and suggests the known one', async () => {
      const res = await api(t, cast.onRequest.requester)
        .post('/v1/requests', { ...replica, params: { instance: 'db-1', instnce: 'db-2' } })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'REQUEST_PARAMS_INVALID',
        details: {
          fields: [
            {
              field: 'params.instnce',
              message: 'is not a known property; did you mean `instance`?',
            },
          ],
        },
      });
      expect(res.body.message).toContain('params.instnce: is not a known property');
    });

    it('names a missing property', async () => {
      const res = await api(t, cast.onRequest.requester)
        .post('/v1/requests', { ...replica, params: {} })
        .expect(400);
      expect(res.body.details.fields).toEqual([
        { field: 'params.instance', message: 'is required' },
      ]);
    });

    it('suggests the closest action keys for an unknown one, and the catalog route', async () => {
      const res = await api(t, cast.onRequest.requester)
        .post('/v1/requests', { ...replica, action: 'mariadb.add-read-only-replika' })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'ACTION_NOT_FOUND',
        details: { suggestions: ['mariadb.add-read-only-replica'] },
      });
      expect(res.body.message).toBe(
        'No catalog action has the key "mariadb.add-read-only-replika". Did you mean ' +
          'mariadb.add-read-only-replica? GET /v1/catalog/actions lists the actions you may request.',
      );
      await api(t, cast.onRequest.requester).post('/v1/requests', replica).expect(201);
    });
  });

  it('names the Consulted parties still awaited when approving too early, and how to waive them', async () => {
    const { provider, onRequest: customer } = cast;
    const plan = await submitRequest(
      provider.requester,
      'data-masking.pdm-masking-plan-creation-and-execution',
      { database: 'crm' },
      { organizationId: customer.organizationId },
    );
    const early = await api(t, provider.approver)
      .post(`/v1/requests/${plan.id}/approve`)
      .expect(409);
    expect(early.body).toEqual({
      statusCode: 409,
      code: 'REQUEST_CONSULTATION_PENDING',
      message:
        'Cannot approve yet: the opinion of customer is still awaited. An approver of the ' +
        'Accountable party may waive it with a reason: ' +
        `POST /v1/requests/${plan.id}/waive-consultation.`,
      details: { id: plan.id, awaited: ['customer'] },
      requestId: expect.any(String),
    });
    const waived = await walk(plan, {
      verb: 'waive-consultation',
      body: { reason: 'The customer agreed by phone' },
    });
    expect(waived.state).toBe('pending_approval');
    expect((await walk(plan, 'approve')).state).toBe('approved');
  });

  it('completes with a result given as text or as a JSON object, returned as given', async () => {
    const text = await submitRequest(cast.onRequest.requester, replica.action, replica.params);
    const done = await walk(text, 'approve', 'start', {
      verb: 'complete',
      body: { result: 'Replica db-1-ro is up.' },
    });
    expect(done).toMatchObject({ state: 'completed', result: 'Replica db-1-ro is up.' });
    const read = await api(t, cast.onRequest.requester).get(`/v1/requests/${text.id}`).expect(200);
    expect(read.body.result).toBe('Replica db-1-ro is up.');

    const object = await submitRequest(cast.onRequest.requester, replica.action, replica.params);
    await walk(object, 'approve', 'start');
    const operator = cast.provider.operator;
    for (const result of [[1, 2], 42, '']) {
      const refused = await api(t, operator)
        .post(`/v1/requests/${object.id}/complete`, { result })
        .expect(400);
      expect(refused.body.details.fields).toEqual([
        {
          field: 'result',
          message: 'result must be text (1 to 10000 characters) or a JSON object',
        },
      ]);
    }
    const result = { replicaHost: 'db-1-ro.internal', lagSeconds: 0 };
    const completed = await walk(object, { verb: 'complete', body: { result } });
    expect(completed.result).toEqual(result);
  });
});
