import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { redisOptions } from '@app/core';
import { Role } from '@app/parties';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { waitFor } from '../helpers/wait-for';

const LIMIT = 3;
const WINDOW_S = 2;

/**
 * Repeated failed authentications from one client are refused with 429 for the rest of the window,
 * and only those: a token that works is served whatever its address did. Clients are told apart by
 * X-Forwarded-For, which this app believes from loopback (TRUST_PROXY=loopback).
 */
describe('rate limiting of failed authentications', () => {
  let t: TestApp;
  let user: Actor;

  const from = (client: string, token: string) =>
    api(t, token).get('/v1/me').set('X-Forwarded-For', client);

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        AUTH_FAILURE_LIMIT: String(LIMIT),
        AUTH_FAILURE_WINDOW_S: String(WINDOW_S),
        TRUST_PROXY: 'loopback',
      },
    });
    user = await createUser(t, (await createCustomer(t)).id, [Role.Requester]);
  });
  afterAll(() => t.close());

  it('answers 401 up to the limit, then 429 with Retry-After to each further failure', async () => {
    for (let failure = 1; failure <= LIMIT; failure += 1) {
      await from('203.0.113.10', `raci_guess${failure}`).expect(401);
    }
    const refused = await from('203.0.113.10', 'raci_guess-again').expect(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      code: 'TOO_MANY_AUTH_FAILURES',
      message: expect.stringContaining('Too many failed authentications'),
      details: { retryAfterSeconds: expect.any(Number) },
      requestId: expect.any(String),
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_S);
    await from('203.0.113.10', 'raci_and-again').expect(429);
  });

  it('serves a valid token from an address over the limit, and keeps refusing its failures', async () => {
    for (let failure = 1; failure <= LIMIT + 1; failure += 1) {
      await from('203.0.113.15', `raci_office-script${failure}`);
    }
    await from('203.0.113.15', 'raci_office-script').expect(429);
    const served = await from('203.0.113.15', user.token).expect(200);
    expect(served.body.id).toBe(user.id);
    await from('203.0.113.15', t.adminToken).expect(200);
    // A near miss and a credential that is not even a token are refused alike.
    await from('203.0.113.15', user.token + 'x').expect(429);
    await from('203.0.113.15', 'Basic Zm9vOmJhcg==').expect(429);
  });

  it('leaves other clients alone, their good and their bad tokens alike', async () => {
    for (let failure = 1; failure <= LIMIT + 1; failure += 1) {
      await from('203.0.113.20', t.adminToken + 'x');
    }
    await from('203.0.113.20', 'raci_still-wrong').expect(429);
    await from('198.51.100.20', user.token).expect(200);
    await from('198.51.100.20', 'raci_not-a-token').expect(401);
  });

  it('answers a failure 401 again once the window is over', async () => {
    for (let failure = 1; failure <= LIMIT + 1; failure += 1) {
      await from('203.0.113.30', 'raci_nope');
    }
    await from('203.0.113.30', 'raci_nope').expect(429);
    await waitFor(
      async () => (await from('203.0.113.30', 'raci_nope')).status === 401,
      'the window to end',
      { timeoutMs: (WINDOW_S + 3) * 1000, intervalMs: 250 },
    );
  });

  it('does not count successful requests', async () => {
    for (let call = 1; call <= LIMIT * 3; call += 1) {
      await from('203.0.113.40', user.token).expect(200);
    }
    await from('203.0.113.40', 'raci_one-miss').expect(401);
  });

  it('keeps the count in Redis under the engine prefix, for every API process to share', async () => {
    await from('203.0.113.50', 'raci_shared').expect(401);
    const redis = new Redis(redisOptions(t.config.env.REDIS_URL));
    try {
      const key = `${t.config.env.QUEUE_PREFIX}:auth-failures:203.0.113.50`;
      expect(await redis.get(key)).toBe('1');
      expect(await redis.ttl(key)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('counts email links that fail their signature, and answers the page with 429', async () => {
    const link = () =>
      request(t.http)
        .get(`/v1/email-actions/${randomUUID()}.${'0'.repeat(64)}`)
        .set('X-Forwarded-For', '203.0.113.60');
    for (let failure = 1; failure <= LIMIT; failure += 1) await link().expect(404);
    const refused = await link().expect(429);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('counts unsubscribe links that fail their signature, and answers the page with 429', async () => {
    const link = () =>
      request(t.http)
        .post(`/v1/unsubscribe/${user.id}.${'A'.repeat(43)}`)
        .set('X-Forwarded-For', '203.0.113.65');
    for (let failure = 1; failure <= LIMIT; failure += 1) await link().expect(404);
    const refused = await link().expect(429);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('counts failures at the queue dashboard', async () => {
    const dashboard = () =>
      api(t, 'raci_wrong').get('/admin/queues').set('X-Forwarded-For', '203.0.113.70');
    for (let failure = 1; failure <= LIMIT; failure += 1) await dashboard().expect(401);
    const refused = await dashboard().expect(429);
    expect(refused.body.code).toBe('TOO_MANY_AUTH_FAILURES');
  });
});

describe('client address without TRUST_PROXY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_FAILURE_LIMIT: String(LIMIT) } });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, even from loopback, and counts the socket address', async () => {
    const guess = (n: number) =>
      api(t, `raci_guess${n}`)
        .get('/v1/me')
        .set('X-Forwarded-For', `203.0.113.${100 + n}`);
    for (let failure = 1; failure <= LIMIT; failure += 1) await guess(failure).expect(401);
    // A client naming yet another address is still the same client.
    await guess(LIMIT + 1).expect(429);
    const redis = new Redis(redisOptions(t.config.env.REDIS_URL));
    try {
      const keys = await redis.keys(`${t.config.env.QUEUE_PREFIX}:auth-failures:*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).not.toContain('203.0.113.');
    } finally {
      redis.disconnect();
    }
  });
});
