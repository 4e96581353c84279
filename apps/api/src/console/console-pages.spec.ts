import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { RouteTable } from '../http-edge/route-table';
import { CONSOLE_CSP, consolePages } from './console-pages';

const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';
/** The API's own paths, as the route table knows them. */
const routes = {
  claims: (path: string) => path.startsWith('/v1/'),
} as unknown as RouteTable;

function appWith(dir: string | null) {
  const app = express();
  app.use(consolePages(routes, dir));
  app.use((_req, res) => {
    res.status(404).json({ code: 'NOT_FOUND' });
  });
  return app;
}

describe('consolePages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>raci-engine</title>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  const app = appWith(dir);

  it('serves the page to a browser at / and at any client route, with a strict policy', async () => {
    for (const path of ['/', '/requests/5a0e3c2e-0000-4000-8000-000000000001', '/inbox?x=1']) {
      const res = await request(app).get(path).set('Accept', HTML).expect(200);
      expect(res.text).toContain('<title>raci-engine</title>');
      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
  });

  it('serves the built files, cached for good', async () => {
    const res = await request(app).get('/assets/app-1a2b.js').expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('leaves JSON clients, API routes and other methods to the API', async () => {
    await request(app).get('/').set('Accept', 'application/json').expect(404);
    await request(app).get('/').set('Accept', '*/*').expect(404);
    await request(app).get('/v1/requests').set('Accept', HTML).expect(404);
    await request(app).get('/v1/requests/a/b/c/d').set('Accept', HTML).expect(404);
    await request(app).post('/requests/1').set('Accept', HTML).expect(404);
    await request(app).get('/assets/missing.js').expect(404);
  });

  it('tells a browser how to build the console when there is no build, and leaves the API alone', async () => {
    const bare = appWith(join(dir, 'absent'));
    const res = await request(bare).get('/').set('Accept', HTML).expect(503);
    expect(res.text).toContain('npm run build');
    await request(bare).get('/').set('Accept', 'application/json').expect(404);
  });
});
