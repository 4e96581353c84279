import { CatalogActivationService, CatalogVersionsService } from '@app/catalog';
import { makeSigningKey } from '@app/core';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { EngineProcess } from '../helpers/engine-process';
import { E2E_DRIVER } from '../helpers/test-database';
import { waitFor } from '../helpers/wait-for';

/** Two processes on one database need PostgreSQL; the embedded SQLite file serves one process. */
const describePostgres = E2E_DRIVER === 'postgres' ? describe : describe.skip;
const CREATE_BUCKET = 'key: object-storage.create-bucket';

/**
 * A version activated in one process is in force in another API process, a real one started from
 * the build, told by Redis: its database poll is set to its slowest, so only the announcement can
 * bring the new version within the wait.
 */
describePostgres('catalog activation across processes', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let other: EngineProcess;

  beforeAll(async () => {
    // The secrets every process of a deployment shares, which a test app otherwise makes its own.
    t = await createTestApp({
      env: {
        LINK_SECRET: 'activation-link-secret-0123456789abcdef',
        SECRETS_KEY: 'ac'.repeat(32),
        AUDIT_KEY: 'activation-audit-key-0123456789abcdef01',
        AUDIT_SIGNING_KEY: makeSigningKey(),
      },
    });
    const env = Object.fromEntries(
      Object.entries(t.config.env)
        // Its own ports: the process is given them.
        .filter(([key]) => key !== 'PORT' && key !== 'METRICS_PORT')
        .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
        .map(([key, value]) => [key, String(value)]),
    );
    other = await EngineProcess.start({
      role: 'api',
      env: { ...env, CATALOG_POLL_MS: '60000' },
    });
  });
  afterAll(async () => {
    await other?.stop();
    await t?.close();
  });

  const versionIn = async (url: string) =>
    (
      (await fetch(`${url}/v1/catalog/matrix`, {
        headers: { Authorization: `Bearer ${t.adminToken}`, Accept: 'application/json' },
      }).then((res) => res.json())) as { version: number }
    ).version;

  it('puts the new version in force in the other process, by the announcement', async () => {
    expect(await versionIn(other.url)).toBe(1);
    const v1 = (await api(t, t.adminToken).get('/v1/catalog/versions/1').expect(200)).body
      .files as Record<string, string>;
    const storage = v1['object-storage'];
    const at = storage.indexOf(CREATE_BUCKET);
    const changed =
      storage.slice(0, at) + storage.slice(at).replace('provider: "I"', 'provider: "C"');
    const draft = await t.app
      .get(CatalogVersionsService)
      .propose(
        { ...v1, 'object-storage': changed },
        { reason: 'announced', createdBy: 'deployment' },
      );
    await t.app.get(CatalogActivationService).activate(draft.version);

    await waitFor(async () => (await versionIn(other.url)) === draft.version, 'the other process', {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    const letters = await fetch(`${other.url}/v1/catalog/actions/object-storage.create-bucket`, {
      headers: { Authorization: `Bearer ${t.adminToken}` },
    }).then((res) => res.json() as Promise<{ raci: { provider: string[] } }>);
    expect(letters.raci.provider).toEqual(['C']);
    expect(other.crashed).toBe(false);
  });
});
