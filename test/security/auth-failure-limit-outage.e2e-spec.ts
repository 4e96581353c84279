import { Role } from '@app/parties';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { ThrowawayRedis } from '../helpers/throwaway-redis';
import { waitFor } from '../helpers/wait-for';

const LIMIT = 2;

/** Without Redis the limiter cannot count, and lets authentication answer as usual (fail open). */
describe('rate limiting of failed authentications while Redis is down', () => {
  let redis: ThrowawayRedis;
  let t: TestApp;
  let user: Actor;

  const from = (client: string, token: string) =>
    api(t, token).get('/v1/me').set('X-Forwarded-For', client);

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    t = await createTestApp({
      env: { REDIS_URL: redis.url, AUTH_FAILURE_LIMIT: String(LIMIT), TRUST_PROXY: 'loopback' },
    });
    user = await createUser(t, (await createCustomer(t)).id, [Role.Requester]);
  });
  afterAll(async () => {
    await redis.start();
    await t.close();
    await redis.stop();
  });

  it('keeps answering 401 to bad tokens and 200 to good ones, then counts again', async () => {
    await redis.stop();
    for (let failure = 1; failure <= LIMIT * 3; failure += 1) {
      const res = await from('203.0.113.80', `raci_guess${failure}`).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    await from('203.0.113.80', user.token).expect(200);

    await redis.start();
    await waitFor(
      async () => (await from('203.0.113.81', 'raci_after')).status === 429,
      'failures to be counted again once Redis is back',
      { intervalMs: 100 },
    );
  });
});
