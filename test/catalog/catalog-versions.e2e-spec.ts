import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { CatalogActivationService, CatalogVersionsService } from '@app/catalog';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { waitFor } from '../helpers/wait-for';

const BUCKET = 'object-storage.create-bucket';
/** Activation reaches every process within 5 s by design; the margin is for a busy machine. */
const SEEN_WITHIN = { timeoutMs: 30_000, intervalMs: 100 };

/** Create Bucket with the provider Accountable and the customer Responsible only. */
function providerAccountable(dir: string): void {
  const file = join(dir, 'object-storage.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(
    /(key: object-storage\.create-bucket[\s\S]*?raci:\n\s+provider: )"I"(\n\s+customer: )"A \/ R"/,
    '$1"A"$2"R"',
  );
  if (changed === text) throw new Error('the seed no longer has the Create Bucket row expected');
  writeFileSync(file, changed);
}

describe('catalog versions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raci-versions-'));
  const env = { RACI_DIR: dir };
  let t: TestApp;
  let other: TestApp | undefined;
  let cast: Cast;
  const get = (app: TestApp, path: string) => api(app, app.adminToken).get(path);
  const activeVersion = async (app: TestApp) =>
    (await get(app, '/v1/catalog/matrix').expect(200)).body.version as number;

  beforeAll(async () => {
    cpSync(join(__dirname, '../../config/raci'), dir, { recursive: true });
    t = await createTestApp({ env });
    cast = await createCast(t);
  });
  afterAll(async () => {
    await other?.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the matrix files as version 1, made by deployment, on the first start', async () => {
    const list = await get(t, '/v1/catalog/versions').expect(200);
    expect(list.body).toEqual({
      items: [expect.objectContaining({ version: 1, createdBy: 'deployment', state: 'active' })],
      nextCursor: null,
    });
    expect(list.body.items[0].activatedAt).toEqual(expect.any(String));
    const one = await get(t, '/v1/catalog/versions/1').expect(200);
    expect(one.body.files['object-storage']).toBe(
      readFileSync(join(dir, 'object-storage.yaml'), 'utf8'),
    );
    expect(one.body.tables[0].product).toBe('generic');
    expect(one.body.hash).toBe(list.body.items[0].hash);
    expect(await activeVersion(t)).toBe(1);
  });

  it('stores nothing when a process starts again on the same files', async () => {
    const again = await createTestApp({ sharing: t, env });
    await again.close();
    const list = await get(t, '/v1/catalog/versions').expect(200);
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('is read by any signed-in caller, and by nobody else', async () => {
    await api(t, cast.selfService.requester).get('/v1/catalog/versions').expect(200);
    await api(t, cast.onRequest.operator).get('/v1/catalog/versions/1/diff?from=1').expect(200);
    await request(t.http).get('/v1/catalog/versions').expect(401);
  });

  it('stores changed files once as a new version made by deployment, however many processes start', async () => {
    const before = await submitRequest(cast.selfService.requester, BUCKET, {
      bucketName: 'before-the-change',
    });
    expect(before.view).toMatchObject({ catalogVersion: 1, accountable: 'customer' });

    providerAccountable(dir);
    const [second, third] = await Promise.all([
      createTestApp({ sharing: t, env }),
      createTestApp({ sharing: t, env }),
    ]);
    await third.close();
    other = second;
    const list = await get(t, '/v1/catalog/versions').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ version: 2, createdBy: 'deployment', state: 'active' }),
      expect.objectContaining({ version: 1, state: 'superseded' }),
    ]);
    expect(await activeVersion(second)).toBe(2);
    // The first process, started before, follows.
    await waitFor(async () => (await activeVersion(t)) === 2, 'version 2 active', SEEN_WITHIN);

    // The request submitted before keeps its routing: the customer still decides it, in either
    // process (the second one, started on the changed files, reads version 1 from the database).
    for (const app of [t, second]) {
      const kept = await api(app, cast.selfService.requester).get(`/v1/requests/${before.id}`);
      expect(kept.body).toMatchObject({ catalogVersion: 1, accountable: 'customer' });
      expect(kept.body.waitingOn).toEqual([expect.objectContaining({ party: 'customer' })]);
      await api(app, cast.provider.approver).post(`/v1/requests/${before.id}/approve`).expect(403);
    }
    await walk(before, ['approve', cast.selfService.approver]);

    // One submitted now is routed by version 2.
    const after = await submitRequest(cast.selfService.requester, BUCKET, {
      bucketName: 'after-the-change',
    });
    expect(after.view).toMatchObject({ catalogVersion: 2, accountable: 'provider' });
    await api(t, cast.selfService.approver).post(`/v1/requests/${after.id}/approve`).expect(403);
    await walk(after, ['approve', cast.provider.approver]);
  });

  it('serves the rows a version changes, with their letters before and after, and in words', async () => {
    const expected = {
      from: 1,
      to: 2,
      added: [],
      removed: [],
      changed: [
        expect.objectContaining({
          product: 'object-storage',
          action: BUCKET,
          title: 'Create Bucket',
          before: { provider: ['I'], customer: ['R', 'A'] },
          after: { provider: ['A'], customer: ['R'] },
        }),
      ],
      words: ['Create Bucket: provider I → A, customer R/A → R'],
    };
    expect((await get(t, '/v1/catalog/versions/2/diff?from=1').expect(200)).body).toEqual(expected);
    expect((await get(t, '/v1/catalog/versions/2/diff').expect(200)).body).toEqual(expected);
    const back = await get(t, '/v1/catalog/versions/1/diff?from=2').expect(200);
    expect(back.body.changed[0]).toMatchObject({
      before: { provider: ['A'], customer: ['R'] },
      after: { provider: ['I'], customer: ['R', 'A'] },
    });
    expect(back.body.words).toEqual(['Create Bucket: provider A → I, customer R → R/A']);
  });

  it('refuses an unknown version with 404 and a bad base with 400, each with its code', async () => {
    for (const path of ['/v1/catalog/versions/99', '/v1/catalog/versions/abc/diff']) {
      const res = await get(t, path).expect(404);
      expect(res.body.code).toBe('CATALOG_VERSION_NOT_FOUND');
    }
    for (const from of ['99', 'abc', '0', '-1']) {
      const res = await get(t, `/v1/catalog/versions/2/diff?from=${from}`).expect(400);
      expect(res.body.code).toBe('CATALOG_DIFF_BASE_INVALID');
    }
    const first = await get(t, '/v1/catalog/versions/1/diff').expect(400);
    expect(first.body.code).toBe('CATALOG_DIFF_BASE_INVALID');
    const cursor = await get(t, '/v1/catalog/versions?cursor=forged').expect(400);
    expect(cursor.body.code).toBe('INVALID_CURSOR');
  });

  it('activates an approved version in every process, at once or at its effective time', async () => {
    const second = other!;
    const versions = second.app.get(CatalogVersionsService);
    const activation = second.app.get(CatalogActivationService);
    const v1 = (await get(t, '/v1/catalog/versions/1').expect(200)).body.files;
    const draft = await versions.propose(v1, {
      reason: 'the provider informed again',
      createdBy: cast.provider.admin.id,
    });
    expect(draft).toMatchObject({ version: 3, state: 'draft' });
    expect(await activeVersion(t)).toBe(2);

    await activation.activate(3);
    expect(await activeVersion(second)).toBe(3);
    await waitFor(async () => (await activeVersion(t)) === 3, 'version 3 active', SEEN_WITHIN);

    const later = await versions.propose(v1, {
      reason: 'scheduled',
      createdBy: cast.provider.admin.id,
      effectiveAt: new Date(Date.now() + 1_500),
    });
    const approved = await activation.activate(later.version);
    expect(approved).toMatchObject({ state: 'draft', approvedAt: expect.any(Date) });
    await waitFor(async () => (await activeVersion(t)) === 4, 'version 4 active', SEEN_WITHIN);
    const list = await get(t, '/v1/catalog/versions?limit=2').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ version: 4, state: 'active', createdBy: cast.provider.admin.id }),
      expect.objectContaining({ version: 3, state: 'superseded' }),
    ]);
    const rest = await get(t, `/v1/catalog/versions?limit=2&cursor=${list.body.nextCursor}`).expect(
      200,
    );
    expect(rest.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('writes a version back to a matrix folder with npm run catalog:export, file for file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'raci-exported-'));
    const { DATABASE_URL, SQLITE_PATH } = t.config.env;
    const exportTo = (...args: string[]) =>
      promisify(execFile)('npm', ['run', '--silent', 'catalog:export', '--', ...args], {
        cwd: join(__dirname, '../..'),
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL, SQLITE_PATH, RACI_DIR: dir },
      });
    const sameFiles = (from: string) => {
      expect(readdirSync(out).sort()).toEqual(readdirSync(from).sort());
      for (const name of readdirSync(from)) {
        expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(from, name), 'utf8'));
      }
    };
    try {
      // Version 4, active, is the seed's files as version 1 stored them.
      const active = await exportTo(out);
      expect(active.stdout).toContain('catalog version 4 (active)');
      sameFiles(join(__dirname, '../../config/raci'));
      // Version 2 is the changed folder, imported at start.
      await exportTo(out, '--version', '2');
      sameFiles(dir);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
