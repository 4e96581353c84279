import { gzipSync } from 'node:zlib';
import { AddressInfo } from 'node:net';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { RawHttpClient } from './raw-http.client';

/**
 * The malformed requests the property tests once turned into 5xx or bare answers, kept as examples
 * that run on both drivers: each must be a 4xx in the JSON error shape.
 */
describe('malformed requests', () => {
  let t: TestApp;
  let http: RawHttpClient;

  const post = (path: string) =>
    api(t, t.adminToken).post(path).set('Content-Type', 'application/json');

  beforeAll(async () => {
    t = await createTestApp();
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    http = new RawHttpClient((t.http.address() as AddressInfo).port);
  });
  afterAll(async () => {
    http.close();
    await t.close();
  });

  it('answers 400 to a body that claims gzip and is not, and accepts a real gzip one', async () => {
    const res = await post('/v1/requests/preview').set('Content-Encoding', 'gzip').send('{}');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'MALFORMED_JSON',
      message: expect.stringContaining('does not decode'),
      details: { reason: expect.any(String) },
      requestId: expect.any(String),
    });
    const gzipped = await http.send({
      method: 'POST',
      path: '/v1/requests/preview',
      headers: {
        authorization: `Bearer ${t.adminToken}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify({ action: 'no.such-action', params: {} })),
    });
    expect(gzipped.status).toBe(400);
    expect(JSON.parse(gzipped.text).code).not.toBe('MALFORMED_JSON');
  });

  it('answers 400 to JSON nested deeper than any input needs, before parsing it', async () => {
    const deep = '['.repeat(2_000) + ']'.repeat(2_000);
    const res = await post('/v1/requests/preview').send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'MALFORMED_JSON',
      message: 'The body could not be read as JSON: it is nested deeper than 32 levels.',
      details: { reason: 'it is nested deeper than 32 levels' },
      requestId: expect.any(String),
    });
  });

  it('answers 431 in the JSON error shape to headers over 16 KiB', async () => {
    const res = await http.send({
      method: 'GET',
      path: `/v1/me?q=${'x'.repeat(20_000)}`,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(res.text)).toEqual({
      statusCode: 431,
      code: 'HEADERS_TOO_LARGE',
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });
});
