import request from 'supertest';
import { DataSource } from 'typeorm';
import { MetricsRefresher } from '../../apps/api/src/metrics/metrics-refresher';
import { MetricsServer } from '../../apps/api/src/metrics/metrics.server';
import { createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { createTestApp, TestApp } from '../helpers/create-app';
import { waitFor } from '../helpers/wait-for';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef0123456789';

const listenerOf = (t: TestApp) => {
  const address = t.app.get(MetricsServer).address();
  if (!address) throw new Error('the metrics listener is not listening');
  return { address, url: `http://127.0.0.1:${address.port}` };
};

/**
 * Metrics are served apart from the API: on a listener of their own, bound to loopback by default
 * and behind METRICS_TOKEN when one is set, from gauges refreshed in the background, so that
 * scrapes, however many, never reach the database.
 */
describe('metrics listener', () => {
  describe('by default', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ env: { METRICS_REFRESH_S: '1' } });
    });
    afterAll(() => t.close());

    it('does not serve metrics on the API port, to anyone', async () => {
      await request(t.http).get('/metrics').expect(404);
      await request(t.http)
        .get('/metrics')
        .set('Authorization', `Bearer ${t.adminToken}`)
        .expect(404);
    });

    it('listens on loopback only, and serves Prometheus text there', async () => {
      const { address, url } = listenerOf(t);
      expect(address.address).toBe('127.0.0.1');
      const res = await request(url).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('raci_requests{state="pending_approval"} 0');
      await request(url).get('/v1/me').expect(404);
    });

    it('answers a burst of scrapes without one database query, from the background counts', async () => {
      const { url } = listenerOf(t);
      // The background rounds pause meanwhile (they query, by design, once per period): on a busy
      // machine the burst may outlast a period, and only the scrapes' own queries are in question.
      const refresher = t.app.get(MetricsRefresher);
      await refresher.onApplicationShutdown();
      const query = jest.spyOn(t.app.get(DataSource), 'query');
      try {
        await Promise.all(
          Array.from({ length: 60 }, () => request(url).get('/metrics').expect(200)),
        );
        expect(query).not.toHaveBeenCalled();
      } finally {
        query.mockRestore();
        await refresher.onApplicationBootstrap();
      }
    });

    it('brings the counts up to date within the refresh period', async () => {
      const { url } = listenerOf(t);
      const { onRequest } = await createCast(t);
      const line = /^raci_requests\{state="pending_approval"\} (\d+)/m;
      expect(line.exec((await request(url).get('/metrics')).text)?.[1]).toBe('0');
      await submitRequest(onRequest.requester, 'mariadb.add-read-only-replica', {
        instance: 'db-1',
      });
      await waitFor(
        async () => line.exec((await request(url).get('/metrics')).text)?.[1] === '1',
        'the refresh to count the new request',
        { timeoutMs: 5_000, intervalMs: 200 },
      );
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ env: { METRICS_TOKEN } });
    });
    afterAll(() => t.close());

    it('answers 401 without the token or with another one, and the metrics with it', async () => {
      const { url } = listenerOf(t);
      await request(url).get('/metrics').expect(401);
      await request(url).get('/metrics').set('Authorization', `Bearer ${t.adminToken}`).expect(401);
      await request(url)
        .get('/metrics')
        .set('Authorization', `Bearer ${METRICS_TOKEN}`)
        .expect(200);
    });
  });
});
