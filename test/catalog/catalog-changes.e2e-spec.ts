import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Actor } from '../factories/parties.factory';
import { RequestView } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { waitFor } from '../helpers/wait-for';

const BUCKET = 'object-storage.create-bucket';
const BUCKET_PARAMS = { bucketName: 'reports-2026', objectStore: 'store-01' };
const WORDS = 'Create Bucket: provider I → A, customer R/A → R';
/** Activation reaches every process within 5 s by design; the margin is for a busy machine. */
const SEEN_WITHIN = { timeoutMs: 30_000, intervalMs: 100 };

/** The object-storage file with Create Bucket's letters changed: the provider Accountable. */
function bucketAccountableToProvider(dir: string): string {
  const text = readFileSync(join(dir, 'object-storage.yaml'), 'utf8');
  const changed = text.replace(
    /(key: object-storage\.create-bucket[\s\S]*?raci:\n\s+provider: )"I"(\n\s+customer: )"A \/ R"/,
    '$1"A"$2"R"',
  );
  if (changed === text) throw new Error('the seed no longer has the Create Bucket row expected');
  return changed;
}

/**
 * A change of the matrix is a request for catalog.change-matrix, on PostgreSQL with a real SMTP
 * server and the worker: proposed by a provider requester, decided by two provider approvers,
 * activated, and every customer told what changed.
 */
describe('catalog changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raci-changes-'));
  let bed: MailTestBed;
  let t: TestApp;
  const get = (path: string) => api(t, t.adminToken).get(path);
  const activeVersion = async () =>
    (await get('/v1/catalog/matrix').expect(200)).body.version as number;
  const counts = async () => {
    const db = t.app.get(DataSource);
    const count = async (table: string) =>
      Number(
        (
          await db
            .createQueryBuilder()
            .select('COUNT(*)', 'n')
            .from(table, 't')
            .getRawOne<{ n: number | string }>()
        )?.n,
      );
    return { versions: await count('catalog_versions'), requests: await count('requests') };
  };
  const propose = (who: Actor, body: object) => api(t, who).post('/v1/catalog/changes', body);
  const submitBucket = async (who: Actor) => {
    const res = await api(t, who).post('/v1/requests', { action: BUCKET, params: BUCKET_PARAMS });
    expect(res.status).toBe(201);
    return res.body as RequestView;
  };

  beforeAll(async () => {
    cpSync(join(__dirname, '../../config/raci'), dir, { recursive: true });
    bed = await createMailTestBed({ RACI_DIR: dir });
    t = bed.t;
  });
  afterAll(async () => {
    await bed?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an invalid change with its line, and stores nothing', async () => {
    const { provider } = bed.cast;
    const before = await counts();
    const badLetter = bucketAccountableToProvider(dir).replace('provider: "A"', 'provider: "Z"');
    const refused = await propose(provider.requester, {
      product: 'object-storage',
      yaml: badLetter,
      reason: 'An unknown letter',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CATALOG_CHANGE_INVALID');
    const line = badLetter.split('\n').findIndex((l) => l.includes('provider: "Z"')) + 1;
    expect(refused.body.details.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'object-storage.yaml', line: expect.any(Number) }),
      ]),
    );
    expect(
      refused.body.details.problems.some((p: { line: number }) => Math.abs(p.line - line) <= 1),
    ).toBe(true);

    const badYaml = await propose(provider.requester, {
      product: 'object-storage',
      yaml: 'product: object-storage\nactions: [\n  - broken: {\n',
      reason: 'Broken YAML',
    });
    expect(badYaml.status).toBe(422);
    expect(badYaml.body.code).toBe('CATALOG_CHANGE_INVALID');
    expect(badYaml.body.details.problems[0].line).toBeGreaterThanOrEqual(1);
    expect(await counts()).toEqual(before);
  });

  it('lets only a provider requester propose', async () => {
    const { selfService, provider } = bed.cast;
    const before = await counts();
    const yaml = bucketAccountableToProvider(dir);
    const customer = await propose(selfService.requester, {
      product: 'object-storage',
      yaml,
      reason: 'x',
    });
    expect(customer.status).toBe(403);
    expect(customer.body.code).toBe('CATALOG_CHANGE_PROVIDER_ONLY');
    const noRole = await propose(provider.operator, {
      product: 'object-storage',
      yaml,
      reason: 'x',
    });
    expect(noRole.status).toBe(403);
    expect(noRole.body.code).toBe('ROLE_REQUIRED');
    expect(await counts()).toEqual(before);
  });

  it('is proposed, approved by two provider approvers, activated, and told to every customer', async () => {
    const { provider, onRequest, selfService } = bed.cast;
    const base = await activeVersion();
    // Before the change: the customer decides its own buckets.
    const before = await submitBucket(selfService.approver);
    expect(before.accountable).toBe('customer');

    const res = await propose(provider.requester, {
      product: 'object-storage',
      yaml: bucketAccountableToProvider(dir),
      reason: 'The provider decides buckets from now on',
    });
    expect(res.status).toBe(201);
    const change = res.body as RequestView;
    expect(change).toMatchObject({
      action: 'catalog.change-matrix',
      organizationId: provider.organizationId,
      state: 'pending_approval',
      approvalsRequired: 2,
      accountable: 'provider',
      informed: ['customer'],
    });
    const draft = change.params.version as number;
    expect(change.params.baseVersion).toBe(base);
    const drafted = await get(`/v1/catalog/versions/${draft}`).expect(200);
    expect(drafted.body.state).toBe('draft');
    const diff = await get(`/v1/catalog/versions/${draft}/diff?from=${base}`).expect(200);
    expect(diff.body.words).toEqual([WORDS]);

    // Every customer organization's mailbox hears of it, with the change in words.
    const mailboxes: string[] = [];
    for (const customer of [onRequest, selfService]) {
      const org = await get(`/v1/organizations/${customer.organizationId}`).expect(200);
      mailboxes.push(...(org.body.contactEmails as string[]));
    }
    expect(mailboxes.length).toBeGreaterThanOrEqual(2);
    const told = await waitFor(
      () => {
        const mails = bed.smtp.messages.filter((m) => m.text.includes(WORDS));
        const to = new Set(mails.flatMap((m) => m.to));
        return mailboxes.every((box) => to.has(box)) && mails;
      },
      'the Informed mail of every customer',
      SEEN_WITHIN,
    );
    expect(told.every((m) => !m.text.includes('actions:'))).toBe(true);

    // One approval is not the quorum: nothing is activated.
    await api(t, provider.approver).post(`/v1/requests/${change.id}/approve`, {}).expect(200);
    const half = (await api(t, provider.approver).get(`/v1/requests/${change.id}`).expect(200))
      .body as RequestView;
    expect(half.state).toBe('pending_approval');
    expect((await get(`/v1/catalog/versions/${draft}`).expect(200)).body).toMatchObject({
      state: 'draft',
      approvedAt: null,
    });
    expect(await activeVersion()).toBe(base);

    await api(t, provider.secondApprover).post(`/v1/requests/${change.id}/approve`, {}).expect(200);
    await waitFor(async () => (await activeVersion()) === draft, 'the change active', SEEN_WITHIN);
    const list = await get('/v1/catalog/versions').expect(200);
    expect(list.body.items[0]).toMatchObject({
      version: draft,
      state: 'active',
      createdBy: provider.requester.id,
    });

    // The request made before keeps its routing; one made after gets the new one.
    const kept = (await api(t, selfService.approver).get(`/v1/requests/${before.id}`).expect(200))
      .body as RequestView;
    expect(kept).toMatchObject({ accountable: 'customer', catalogVersion: base });
    const after = await submitBucket(selfService.requester);
    expect(after).toMatchObject({
      accountable: 'provider',
      catalogVersion: draft,
      state: 'pending_approval',
    });
  });

  it('leaves the draft of a rejected change unused, marked discarded', async () => {
    const { provider } = bed.cast;
    const active = await activeVersion();
    const yaml = readFileSync(join(dir, 'object-storage.yaml'), 'utf8');
    const res = await propose(provider.requester, {
      product: 'object-storage',
      yaml,
      reason: 'Back to the seed',
    });
    expect(res.status).toBe(201);
    const change = res.body as RequestView;
    await api(t, provider.approver)
      .post(`/v1/requests/${change.id}/reject`, { reason: 'Not now' })
      .expect(200);
    const version = change.params.version as number;
    await waitFor(
      async () =>
        (await get(`/v1/catalog/versions/${version}`).expect(200)).body.state === 'discarded',
      'the draft discarded',
      SEEN_WITHIN,
    );
    expect(await activeVersion()).toBe(active);
  });
});
