import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TokensService } from '@app/parties';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

const PORTAL = 'https://portal.example.com';
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The HTTP conventions a generated client relies on, each with its success and its refusal: one
 * status per check (405, 406, 401 before the body's 400/413/415), X-Request-Id on every answer,
 * and CORS only for the origins of CORS_ORIGINS.
 */
describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: `${PORTAL}, https://ops.example.com:8443` } });
  });
  afterAll(() => t.close());

  describe('405 for a known path with a wrong method', () => {
    it('answers 405 METHOD_NOT_ALLOWED with Allow, before asking for a token', async () => {
      const res = await request(t.http).delete('/v1/me').expect(405);
      expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(res.headers['x-request-id']).toMatch(REQUEST_ID);
      expect(res.body).toEqual({
        statusCode: 405,
        code: 'METHOD_NOT_ALLOWED',
        message: '/v1/me does not answer DELETE; the Allow header lists the methods it answers.',
        details: { method: 'DELETE', path: '/v1/me', allow: ['GET', 'HEAD'] },
        requestId: res.headers['x-request-id'],
      });
      // A method the document does not have, so not through the contract-checked client.
      const templated = await request(t.http)
        .put(`/v1/requests/${randomUUID()}`)
        .set('Authorization', `Bearer ${t.adminToken}`)
        .send({});
      expect(templated.status).toBe(405);
      expect(templated.headers.allow).toBe('GET, HEAD, OPTIONS');
    });

    it('serves the right method, answers OPTIONS with Allow, and keeps 404 for unknown paths', async () => {
      await api(t, t.adminToken).get('/v1/me').expect(200);
      const options = await request(t.http).options('/v1/organizations/x').expect(204);
      expect(options.headers.allow).toBe('GET, PATCH, HEAD, OPTIONS');
      const unknown = await request(t.http).delete('/v1/no-such-thing').expect(404);
      expect(unknown.body.code).toBe('ROUTE_NOT_FOUND');
      expect(unknown.headers['x-request-id']).toMatch(REQUEST_ID);
    });
  });

  describe('406 for an Accept the route cannot serve', () => {
    it.each(['text/html', 'application/xml'])(
      'refuses Accept: %s on a JSON route',
      async (type) => {
        const res = await api(t, t.adminToken).get('/v1/me').set('Accept', type).expect(406);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['x-request-id']).toMatch(REQUEST_ID);
        expect(res.body).toMatchObject({
          code: 'NOT_ACCEPTABLE',
          details: { accept: type, offers: ['application/json'] },
        });
      },
    );

    it.each(['application/json', '*/*', 'application/*', 'text/html;q=0.9, */*;q=0.1'])(
      'serves Accept: %s on a JSON route',
      async (type) => {
        await api(t, t.adminToken).get('/v1/me').set('Accept', type).expect(200);
      },
    );

    it('serves JSON without Accept, CSV where the route offers it, HTML pages to browsers', async () => {
      const bare = await request(t.http)
        .get('/v1/me')
        .set('Authorization', `Bearer ${t.adminToken}`)
        .unset('Accept')
        .expect(200);
      expect(bare.headers['content-type']).toMatch(/^application\/json/);
      const csv = await api(t, t.adminToken)
        .get('/v1/catalog/matrix')
        .set('Accept', 'text/csv')
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const page = await request(t.http)
        .get(`/v1/email-actions/${randomUUID()}.${'0'.repeat(64)}`)
        .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
        .expect(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      await request(t.http)
        .get(`/v1/email-actions/${randomUUID()}.${'0'.repeat(64)}`)
        .set('Accept', 'application/json')
        .expect(406);
    });
  });

  describe('authentication before the body', () => {
    const preview = (token?: string) => {
      const call = request(t.http).post('/v1/requests/preview');
      return token ? call.set('Authorization', `Bearer ${token}`) : call;
    };

    it('answers 401 to a malformed, too large or non-JSON body without a working token', async () => {
      const bodies: [string, string][] = [
        ['application/json', '{"action": '],
        ['application/json', JSON.stringify({ pad: 'x'.repeat(70_000) })],
        ['text/plain', 'approve it'],
      ];
      for (const [type, body] of bodies) {
        for (const token of [undefined, 'raci_not-a-token']) {
          const res = await preview(token).set('Content-Type', type).send(body);
          expect({ type, token, status: res.status, code: res.body.code }).toEqual({
            type,
            token,
            status: 401,
            code: 'UNAUTHENTICATED',
          });
          // RFC 6750: a presented token that does not work is an invalid_token.
          expect(res.headers['www-authenticate']).toBe(
            token ? 'Bearer error="invalid_token"' : 'Bearer',
          );
          expect(res.headers['x-request-id']).toMatch(REQUEST_ID);
        }
      }
    });

    it('then reads the body: 400, 413 and 415 with X-Request-Id, echoing the caller’s id', async () => {
      const malformed = await preview(t.adminToken)
        .set('Content-Type', 'application/json')
        .set('X-Request-Id', 'client-trace.0001')
        .send('{"action": ')
        .expect(400);
      expect(malformed.body.code).toBe('MALFORMED_JSON');
      expect(malformed.headers['x-request-id']).toBe('client-trace.0001');
      const large = await preview(t.adminToken)
        .set('Content-Type', 'application/json')
        .set('X-Request-Id', 'client-trace.0002')
        .send(JSON.stringify({ pad: 'x'.repeat(70_000) }))
        .expect(413);
      expect(large.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: '64kb' } });
      expect(large.headers['x-request-id']).toBe('client-trace.0002');
      const text = await preview(t.adminToken)
        .set('Content-Type', 'text/plain')
        .send('approve it')
        .expect(415);
      expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(text.headers['x-request-id']).toMatch(REQUEST_ID);
      // A readable body reaches the use case, which answers on its content.
      const read = await preview(t.adminToken).send({ action: 'no.such-action', params: {} });
      expect(read.body.code).toBe('ORGANIZATION_REQUIRED');
    });

    it('looks a token up once per request, not once before the body and again in the guard', async () => {
      const tokens = t.app.get(TokensService);
      const lookups = jest.spyOn(tokens, 'authenticate');
      try {
        await api(t, t.adminToken).get('/v1/me').expect(200);
        await api(t, t.adminToken).post('/v1/requests/preview', { action: 'x', params: {} });
        expect(lookups).toHaveBeenCalledTimes(2);
      } finally {
        lookups.mockRestore();
      }
    });

    it('leaves public routes open, with their bodies read as before', async () => {
      await request(t.http)
        .get('/health')
        .expect((res) => expect(res.status).not.toBe(401));
      const form = await request(t.http)
        .post(`/v1/email-actions/${randomUUID()}.${'0'.repeat(64)}`)
        .type('form')
        .send({ reason: 'fine' })
        .expect(404);
      expect(form.headers['content-type']).toMatch(/^text\/html/);
    });
  });

  describe('CORS', () => {
    it('answers a listed origin’s preflight with 204, before authentication', async () => {
      const res = await request(t.http)
        .options('/v1/requests')
        .set('Origin', PORTAL)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key')
        .expect(204);
      expect(res.headers['access-control-allow-origin']).toBe(PORTAL);
      expect(res.headers['access-control-allow-methods']).toContain('POST');
      expect(res.headers['access-control-allow-headers']).toBe(
        'Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id',
      );
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers.vary).toContain('Origin');
      expect(res.headers['x-request-id']).toMatch(REQUEST_ID);
    });

    it('lets a listed origin read answers and the headers clients need, errors included', async () => {
      const ok = await api(t, t.adminToken).get('/v1/me').set('Origin', PORTAL).expect(200);
      expect(ok.headers['access-control-allow-origin']).toBe(PORTAL);
      const exposed = ok.headers['access-control-expose-headers'];
      for (const header of ['Location', 'ETag', 'Link', 'X-Request-Id', 'Retry-After']) {
        expect(exposed).toContain(header);
      }
      expect(exposed).toContain('Idempotent-Replayed');
      const refused = await request(t.http)
        .get('/v1/me')
        .set('Origin', 'https://ops.example.com:8443')
        .expect(401);
      expect(refused.headers['access-control-allow-origin']).toBe('https://ops.example.com:8443');
    });

    it('gives an origin that is not listed no CORS header, preflight or not', async () => {
      for (const origin of ['https://evil.example.com', 'https://portal.example.com.evil.net']) {
        const preflight = await request(t.http)
          .options('/v1/requests')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST');
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
        expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
        const call = await api(t, t.adminToken).get('/v1/me').set('Origin', origin).expect(200);
        expect(call.headers['access-control-allow-origin']).toBeUndefined();
        expect(call.headers['access-control-expose-headers']).toBeUndefined();
      }
    });

    it('is off by default', async () => {
      const plain = await createTestApp();
      try {
        const res = await request(plain.http)
          .options('/v1/requests')
          .set('Origin', PORTAL)
          .set('Access-Control-Request-Method', 'POST');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        const call = await api(plain, plain.adminToken).get('/v1/me').set('Origin', PORTAL);
        expect(call.status).toBe(200);
        expect(call.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await plain.close();
      }
    });
  });
});
