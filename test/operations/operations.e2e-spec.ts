import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { MetricsServer } from '../../apps/api/src/metrics/metrics.server';

const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

describe('operations endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /health reports the database and Redis', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('GET / answers, without a token, with the name, version and links to go on', async () => {
    const base = t.config.publicUrl;
    for (const accept of ['application/json', '*/*']) {
      const res = await request(t.http)
        .get('/')
        .set('Accept', accept)
        .expect(200)
        .expect('Content-Type', /json/);
      expect(res.body).toEqual({
        name: 'raci-engine',
        version: VERSION,
        links: {
          docs: `${base}/docs`,
          openapi: `${base}/docs/openapi.json`,
          health: `${base}/health`,
          console: `${base}/`,
        },
        signIn: { emailLink: `${base}/auth/email-link`, sso: null },
      });
    }
    const doc = await request(t.http).get('/docs/openapi.json').expect(200);
    expect(doc.body.paths['/'].get.security).toEqual([]);
    expect(doc.body.paths['/'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/HomeResponse',
    });
  });

  it('GET /docs serves the OpenAPI UI and description', async () => {
    await request(t.http).get('/docs').expect(200).expect('Content-Type', /html/);
    const res = await request(t.http).get('/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/catalog/actions',
        '/v1/catalog/actions/{key}',
        '/v1/catalog/matrix',
        '/v1/organizations',
        '/v1/organizations/{id}',
        '/v1/organizations/{id}/users',
        '/v1/users/{id}/tokens',
        '/v1/tokens/{id}',
        '/v1/me',
      ]),
    );
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
    expect(res.body.paths['/v1/me'].get.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(res.body.paths['/health'].get.security).toEqual([]);
  });

  it('serves Prometheus metrics on the metrics listener, HTTP latency labelled by route', async () => {
    await api(t, t.adminToken).get('/v1/catalog/actions/kubernetes.add-node').expect(200);
    const res = await request(`http://127.0.0.1:${t.app.get(MetricsServer).address()!.port}`)
      .get('/metrics')
      .expect(200)
      .expect('Content-Type', /text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/v1\/catalog\/actions\/:key",status="\d+"\}/,
    );
    expect(res.text).toContain('raci_queue_jobs{queue="mail",state="waiting"}');
    expect(res.text).toContain('process_resident_memory_bytes');
  });

  it('answers an unknown route with the JSON error shape', async () => {
    const res = await request(t.http).get('/v1/nowhere').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'No route answers GET /v1/nowhere.',
      details: { method: 'GET', path: '/v1/nowhere' },
      requestId: expect.any(String),
    });
  });

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const echoed = await request(t.http).get('/health').set('X-Request-Id', 'abc-123');
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const made = await request(t.http).get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await request(t.http).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
