import request from 'supertest';
import { checkedByContract } from '../contract/contract-check';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api, ApiCaller } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { signIn } from '../helpers/sign-in';

interface Entry {
  event: string;
  actorId: string | null;
  authentication: { kind: string; id: string | null; issuer?: string | null } | null;
}

/**
 * Nobody acts as someone else unseen: an admin may mint a token for anyone, but a token someone
 * else minted, or ADMIN_TOKEN, decides nothing; the person decides signed in, and the history
 * records with what, and who issued it.
 */
describe('decisions need a credential of the person’s own', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  /** A token `by` mints for `user` through the API, as any admin may. */
  async function mintedFor(user: Actor, by: ApiCaller) {
    const res = await api(t, by).post(`/v1/users/${user.id}/tokens`).expect(201);
    return res.body as { token: string; issuedBy: string | null; personal: boolean };
  }

  const historyOf = async (id: string): Promise<Entry[]> =>
    (await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200)).body
      .items as Entry[];

  const stateOf = async (id: string): Promise<string> =>
    (await api(t, cast.provider.admin).get(`/v1/requests/${id}`).expect(200)).body.state as string;

  /** A security patch the provider proposes, which the on-request customer is Accountable for. */
  const patchProposal = () =>
    submitRequest(
      cast.provider.requester,
      'mariadb.security-patches',
      { resource: `db-${Math.random().toString(16).slice(2, 8)}` },
      { organizationId: cast.onRequest.organizationId },
    );

  /** A Data Masking plan: the on-request customer is Consulted, the provider Accountable. */
  const maskingPlan = () =>
    submitRequest(
      cast.provider.requester,
      'data-masking.pdm-masking-plan-creation-and-execution',
      { database: `db-${Math.random().toString(16).slice(2, 8)}` },
      { organizationId: cast.onRequest.organizationId },
    );

  it('refuses the customer approver’s token a provider admin minted: 403, nothing recorded', async () => {
    const proposed = await patchProposal();
    const minted = await mintedFor(cast.onRequest.approver, cast.provider.admin);
    expect(minted).toMatchObject({ issuedBy: cast.provider.admin.id, personal: false });
    const me = await api(t, minted.token).get('/v1/me').expect(200);
    expect(me.body.authentication).toMatchObject({
      kind: 'api_token',
      issuer: cast.provider.admin.id,
      personal: false,
    });

    const refused = await api(t, minted.token)
      .post(`/v1/requests/${proposed.id}/approve`, {})
      .expect(403);
    expect(refused.body.code).toBe('CREDENTIAL_NOT_PERSONAL');
    expect(await stateOf(proposed.id)).toBe('pending_approval');
    expect((await historyOf(proposed.id)).map((e) => e.event)).toEqual(['request.submitted']);
    // The same token still reads and comments.
    await api(t, minted.token).get(`/v1/requests/${proposed.id}`).expect(200);
    await api(t, minted.token)
      .post(`/v1/requests/${proposed.id}/comments`, { body: 'Reading before deciding' })
      .expect(201);
  });

  it('refuses a customer admin who submits as the requester and approves as the approver', async () => {
    const customer = cast.selfService;
    const asRequester = await mintedFor(customer.requester, customer.admin);
    const submitted = await api(t, asRequester.token)
      .post('/v1/requests', {
        action: 'object-storage.create-bucket',
        params: { bucketName: `four-eyes-${Date.now()}` },
      })
      .expect(201);
    expect(submitted.body.state).toBe('pending_approval');
    const asApprover = await mintedFor(customer.approver, customer.admin);
    expect(asApprover).toMatchObject({ issuedBy: customer.admin.id, personal: false });
    const refused = await api(t, asApprover.token)
      .post(`/v1/requests/${submitted.body.id}/approve`, {})
      .expect(403);
    expect(refused.body.code).toBe('CREDENTIAL_NOT_PERSONAL');
    expect(await stateOf(submitted.body.id)).toBe('pending_approval');
  });

  it('refuses reject, opinion and waive-consultation alike with a token an admin minted', async () => {
    const proposed = await patchProposal();
    const approver = await mintedFor(cast.onRequest.approver, cast.onRequest.admin);
    const rejected = await api(t, approver.token)
      .post(`/v1/requests/${proposed.id}/reject`, { reason: 'Not now' })
      .expect(403);
    expect(rejected.body.code).toBe('CREDENTIAL_NOT_PERSONAL');

    const plan = await maskingPlan();
    const consultant = await mintedFor(cast.onRequest.consultant, cast.onRequest.admin);
    const opinion = await api(t, consultant.token)
      .post(`/v1/requests/${plan.id}/opinions`, { opinion: 'disagree' })
      .expect(403);
    expect(opinion.body.code).toBe('CREDENTIAL_NOT_PERSONAL');
    const providerApprover = await mintedFor(cast.provider.approver, cast.provider.admin);
    const waived = await api(t, providerApprover.token)
      .post(`/v1/requests/${plan.id}/waive-consultation`, { reason: 'Unreachable' })
      .expect(403);
    expect(waived.body.code).toBe('CREDENTIAL_NOT_PERSONAL');
    expect(await stateOf(plan.id)).toBe('pending_consultation');
    expect(await stateOf(proposed.id)).toBe('pending_approval');
  });

  it('refuses every decision with ADMIN_TOKEN', async () => {
    const proposed = await patchProposal();
    for (const [verb, body] of [
      ['approve', {}],
      ['reject', { reason: 'No' }],
    ] as const) {
      const refused = await api(t, t.adminToken)
        .post(`/v1/requests/${proposed.id}/${verb}`, body)
        .expect(403);
      expect(refused.body.code).toBe('CREDENTIAL_NOT_PERSONAL');
    }
    const minted = await mintedFor(cast.onRequest.approver, t.adminToken);
    expect(minted).toMatchObject({ issuedBy: null, personal: false });
    const me = await api(t, minted.token).get('/v1/me').expect(200);
    expect(me.body.authentication).toMatchObject({ issuer: 'admin_token', personal: false });
    await api(t, minted.token).post(`/v1/requests/${proposed.id}/approve`, {}).expect(403);
  });

  it('refuses a token the person minted with another token: only a sign-in makes one personal', async () => {
    const proposed = await patchProposal();
    const chained = await mintedFor(cast.onRequest.approver, cast.onRequest.approver);
    expect(chained).toMatchObject({ issuedBy: cast.onRequest.approver.id, personal: false });
    const refused = await api(t, chained.token)
      .post(`/v1/requests/${proposed.id}/approve`, {})
      .expect(403);
    expect(refused.body.code).toBe('CREDENTIAL_NOT_PERSONAL');
  });

  it('lets the approver decide signed in, and records the session and who issued it', async () => {
    const proposed = await patchProposal();
    const approver = cast.onRequest.approver;
    const { cookie, csrfToken } = await signIn(t, approver.email);
    const me = await checkedByContract(t.http, request(t.http).get('/v1/me').set('Cookie', cookie));
    expect(me.body.authentication).toMatchObject({
      kind: 'session',
      issuer: approver.id,
      personal: true,
    });
    await checkedByContract(
      t.http,
      request(t.http)
        .post(`/v1/requests/${proposed.id}/approve`)
        .set('Cookie', cookie)
        .set('X-CSRF-Token', csrfToken)
        .send({ comment: 'Approved signed in' }),
    ).expect(200);
    expect((await historyOf(proposed.id)).at(-1)).toMatchObject({
      event: 'request.approved',
      actorId: approver.id,
      authentication: { kind: 'session', id: me.body.authentication.id, issuer: approver.id },
    });
  });

  it('lets the approver decide with a token of their own, and records the token and its issuer', async () => {
    const proposed = await patchProposal();
    const approver = cast.onRequest.approver;
    const me = await api(t, approver).get('/v1/me').expect(200);
    expect(me.body.authentication).toMatchObject({
      kind: 'api_token',
      issuer: approver.id,
      personal: true,
    });
    await api(t, approver).post(`/v1/requests/${proposed.id}/approve`, {}).expect(200);
    expect((await historyOf(proposed.id)).at(-1)).toMatchObject({
      event: 'request.approved',
      actorId: approver.id,
      authentication: { kind: 'api_token', id: me.body.authentication.id, issuer: approver.id },
    });
  });
});
