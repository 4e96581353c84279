import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/create-app';
import { ThrowawayRedis } from '../helpers/throwaway-redis';
import { waitFor } from '../helpers/wait-for';

describe('GET /health during a Redis outage', () => {
  let redis: ThrowawayRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis.start();
    await t.close();
    await redis.stop();
  });

  it('answers 503 naming Redis, and 200 again once it is back', async () => {
    await request(t.http).get('/health').expect(200);
    await redis.stop();
    const res = await request(t.http).get('/health').expect(503);
    expect(res.body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      details: { info: { database: { status: 'up' } }, error: { redis: { status: 'down' } } },
    });
    await redis.start();
    await waitFor(
      async () => (await request(t.http).get('/health')).status === 200,
      'health to recover',
    );
  });
});
