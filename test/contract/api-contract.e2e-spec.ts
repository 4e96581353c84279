import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

/** `api()` holds every answer to the document the app serves: strict fails, report records. */
describe('the OpenAPI contract of api()', () => {
  let t: TestApp;
  let dir: string;
  const saved = { mode: process.env.CONTRACT_CHECK, report: process.env.CONTRACT_REPORT };

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'raci-contract-'));
  });

  afterEach(() => {
    for (const [name, value] of [
      ['CONTRACT_CHECK', saved.mode],
      ['CONTRACT_REPORT', saved.report],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the call when the answer is not in the document, naming operation and status', async () => {
    process.env.CONTRACT_CHECK = 'strict';
    await expect(api(t, t.adminToken).get('/v1/no-such-route')).rejects.toThrow(
      'OpenAPI contract: GET /v1/no-such-route answered 404: path not documented',
    );
  });

  it('in report mode, answers as usual and records the mismatch', async () => {
    process.env.CONTRACT_CHECK = 'report';
    process.env.CONTRACT_REPORT = join(dir, 'report.jsonl');
    const res = await api(t, t.adminToken).get('/v1/no-such-route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
    const [line] = readFileSync(process.env.CONTRACT_REPORT, 'utf8').trim().split('\n');
    expect(JSON.parse(line)).toMatchObject({
      operation: 'GET /v1/no-such-route',
      status: 404,
      problem: 'path not documented',
      file: 'test/contract/api-contract.e2e-spec.ts',
    });
  });
});
