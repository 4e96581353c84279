import request from 'supertest';
import { AppConfig } from '@app/core';
import { MetricsRegistry } from './metrics.registry';
import { MetricsServer } from './metrics.server';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';

async function serverWith(
  env: Record<string, unknown>,
): Promise<{ server: MetricsServer; url: string }> {
  const config = {
    env: { METRICS_HOST: '127.0.0.1', METRICS_PORT: 0, ...env },
  } as unknown as AppConfig;
  const server = new MetricsServer(config, new MetricsRegistry());
  await server.onApplicationBootstrap();
  return { server, url: `http://127.0.0.1:${server.address()?.port ?? 0}` };
}

describe('MetricsServer', () => {
  it('serves the registry at /metrics only, on the address it was given', async () => {
    const { server, url } = await serverWith({});
    try {
      expect(server.address()!.address).toBe('127.0.0.1');
      const res = await request(url).get('/metrics').expect(200);
      expect(res.text).toContain('http_request_duration_seconds');
      await request(url).get('/').expect(404);
      await request(url).post('/metrics').expect(405);
    } finally {
      await server.onApplicationShutdown();
    }
  });

  it('asks for METRICS_TOKEN when one is set', async () => {
    const { server, url } = await serverWith({ METRICS_TOKEN: TOKEN });
    try {
      const refused = await request(url).get('/metrics').expect(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      await request(url).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
      await request(url).get('/metrics').set('Authorization', TOKEN).expect(401);
      await request(url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    } finally {
      await server.onApplicationShutdown();
    }
  });

  it('goes on without metrics when its port is taken', async () => {
    const { server: first } = await serverWith({});
    const port = first.address()!.port;
    const second = (await serverWith({ METRICS_PORT: port })).server;
    try {
      expect(second.address()).toBeNull();
    } finally {
      await first.onApplicationShutdown();
      await second.onApplicationShutdown();
    }
  });
});
