import request from 'supertest';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

describe('catalog API', () => {
  let t: TestApp;
  const get = (path: string) => api(t, t.adminToken).get(path);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 401 without a bearer token, or with one that does not work', async () => {
    for (const path of ['/v1/catalog/actions', '/v1/catalog/actions/mariadb.security-patches']) {
      const res = await request(t.http).get(path).expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: expect.any(String),
        requestId: expect.any(String),
      });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    await api(t, 'raci_not-a-real-token').get('/v1/catalog/matrix').expect(401);
  });

  it('lists every product action with letters in R, A, C, I order', async () => {
    const res = await get('/v1/catalog/actions').expect(200);
    expect(res.body.total).toBe(res.body.items.length);
    const bucket = res.body.items.find(
      (a: { key: string }) => a.key === 'object-storage.create-bucket',
    );
    expect(bucket).toMatchObject({
      product: 'object-storage',
      title: 'Create Bucket',
      plans: ['self-service'],
      raci: { provider: ['I'], customer: ['R', 'A'] },
      requestable: true,
      performer: { default: 'customer', via: 'S3 API' },
      paramsSchema: expect.objectContaining({ type: 'object' }),
    });
    expect(bucket.comment).toContain('The actions are performed using the S3 API.');
  });

  it('filters by product, plan and requestable', async () => {
    const res = await get('/v1/catalog/actions')
      .query({ product: 'mariadb', plan: 'on-request', requestable: 'true' })
      .expect(200);
    const keys = res.body.items.map((a: { key: string }) => a.key);
    expect(keys).toContain('mariadb.add-read-only-replica');
    expect(
      res.body.items.every(
        (a: { product: string; requestable: boolean; plans: string[] }) =>
          a.product === 'mariadb' &&
          a.requestable &&
          (a.plans.includes('*') || a.plans.includes('on-request')),
      ),
    ).toBe(true);
    const standing = await get('/v1/catalog/actions').query({ requestable: 'false' }).expect(200);
    expect(standing.body.items.length).toBeGreaterThan(0);
    expect(standing.body.items.every((a: { requestable: boolean }) => !a.requestable)).toBe(true);
  });

  it('rejects bad filters with a code', async () => {
    const res = await get('/v1/catalog/actions')
      .query({ plan: 'sometimes', colour: 'red' })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toMatch(/plan/);
    expect(res.body.message).toMatch(/colour/);
  });

  it('applies the generic matrix to every product, and product rows override it', async () => {
    const inherited = await get('/v1/catalog/actions/mariadb.security-patches').expect(200);
    expect(inherited.body).toMatchObject({
      raci: { provider: ['R'], customer: ['A', 'I'] },
      inheritedFrom: 'generic.security-patches',
    });
    const overriding = await get('/v1/catalog/actions/object-storage.security-patches').expect(200);
    expect(overriding.body).toMatchObject({
      raci: { provider: ['R', 'A'], customer: ['I'] },
      overrides: 'generic.security-patches',
    });
  });

  it('shows the reading taken where the seed breaks its own rules', async () => {
    const res = await get('/v1/catalog/actions/kubernetes.performance-metrics').expect(200);
    expect(res.body.raci).toEqual({ provider: ['R', 'A'], customer: ['I'] });
    expect(res.body.reading).toEqual({
      note: expect.stringMatching(/Accountable/),
      seed: { provider: ['R'], customer: ['I'] },
    });
  });

  it('answers an unknown key with 404 and a code', async () => {
    const res = await get('/v1/catalog/actions/nope.nothing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'CATALOG_ACTION_NOT_FOUND',
      message:
        'No catalog action has the key "nope.nothing". GET /v1/catalog/actions lists them all.',
      details: { key: 'nope.nothing', suggestions: [] },
      requestId: expect.any(String),
    });
  });

  it('suggests the closest keys for a misspelled one', async () => {
    const res = await get('/v1/catalog/actions/mariadb.add-read-only-replika').expect(404);
    expect(res.body.details.suggestions).toEqual(['mariadb.add-read-only-replica']);
    expect(res.body.message).toContain('Did you mean mariadb.add-read-only-replica?');
    await get('/v1/catalog/actions/mariadb.add-read-only-replica').expect(200);
  });

  it('serves the whole matrix as JSON, generic table first', async () => {
    const res = await get('/v1/catalog/matrix').expect(200);
    expect(res.body.parties).toEqual(['provider', 'customer']);
    expect(res.body.tables[0].product).toBe('generic');
    expect(res.body.tables.map((table: { product: string }) => table.product)).toContain(
      'data-masking',
    );
  });

  it('serves the whole matrix as CSV', async () => {
    const res = await get('/v1/catalog/matrix').set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'product,key,title,plans,provider,customer,requestable,performer,comment,reading',
    );
    expect(
      lines.some((line) =>
        line.startsWith(
          'mariadb,mariadb.add-read-only-replica,Add a MariaDB read-only Replica,on-request,R / A,I,',
        ),
      ),
    ).toBe(true);
  });
});
