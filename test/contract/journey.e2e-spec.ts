import { randomBytes } from 'node:crypto';
import { createTestApp, TestApp } from '../helpers/create-app';
import { signIn } from '../helpers/sign-in';
import { dataOf, generatedClient, RaciClient } from './generated-client';

/**
 * An integrator's journey with nothing but the client generated from the live document
 * (`npm run contract:generate`): the bootstrap admin makes a customer and the people a request
 * needs, a customer requester asks for a MariaDB read-only replica, a provider approver approves it,
 * a provider operator starts and completes it. Over real HTTP, and without a single cast: this file
 * is type-checked under `--strict` (`npm run contract:typecheck`) and linted against assertions.
 */
describe('a client generated from the OpenAPI document', () => {
  let t: TestApp;
  let baseUrl: string;
  const as = (token: string): RaciClient => generatedClient(t, baseUrl, token);
  const unique = randomBytes(4).toString('hex');

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
  });

  afterAll(async () => {
    await t.close();
  });

  async function userOf(organizationId: string, who: string, role: 'requester' | 'operator') {
    const created = await as(t.adminToken).POST('/v1/organizations/{id}/users', {
      params: { path: { id: organizationId } },
      body: { email: `${who}-${unique}@journey.example`, name: who, roles: [role] },
    });
    return as(dataOf(created, `create ${who}`).token);
  }

  /**
   * A person who decides: the token the admin got for them does not, so they sign in (the emailed
   * link) and mint their own token with that session and its CSRF token.
   */
  async function deciderOf(organizationId: string, who: string) {
    const created = dataOf(
      await as(t.adminToken).POST('/v1/organizations/{id}/users', {
        params: { path: { id: organizationId } },
        body: { email: `${who}-${unique}@journey.example`, name: who, roles: ['approver'] },
      }),
      `create ${who}`,
    );
    const { cookie, csrfToken } = await signIn(t, created.email);
    const minted = await generatedClient(t, baseUrl).POST('/v1/users/{id}/tokens', {
      params: { path: { id: created.id } },
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    const own = dataOf(minted, `${who}'s own token`);
    expect(own).toMatchObject({ issuedBy: created.id, personal: true });
    return as(own.token);
  }

  it('walks a request from submit to approve, start and complete', async () => {
    const admin = as(t.adminToken);
    const provider = dataOf(await admin.GET('/v1/me'), 'me').organization;
    expect(provider.kind).toBe('provider');
    const customer = dataOf(
      await admin.POST('/v1/organizations', {
        body: {
          name: `Globex ${unique}`,
          subscription: { plan: 'on-request', onDemand: false },
          contactEmails: [`cloud-team-${unique}@globex.example`],
          locale: 'en',
        },
      }),
      'create the customer',
    );
    const requester = await userOf(customer.id, 'ada', 'requester');
    const approver = await deciderOf(provider.id, 'grace');
    const operator = await userOf(provider.id, 'alan', 'operator');

    const submitted = dataOf(
      await requester.POST('/v1/requests', {
        body: {
          action: 'mariadb.add-read-only-replica',
          params: { instance: 'db-prod-01' },
          comment: 'For the reporting team',
        },
      }),
      'submit',
    );
    expect(submitted.state).toBe('pending_approval');
    const path = { params: { path: { id: submitted.id } } };
    const waiting = dataOf(await requester.GET('/v1/requests/{id}', path), 'get');
    expect(waiting.waitingOn.map((w) => [w.party, w.verb])).toEqual([['provider', 'approve']]);

    const approved = dataOf(
      await approver.POST('/v1/requests/{id}/approve', { ...path, body: { comment: 'Go ahead' } }),
      'approve',
    );
    expect(approved.state).toBe('approved');
    const started = dataOf(await operator.POST('/v1/requests/{id}/start', path), 'start');
    expect(started.state).toBe('in_progress');
    const completed = dataOf(
      await operator.POST('/v1/requests/{id}/complete', {
        ...path,
        body: { result: { replicaHost: 'db-prod-01-ro.internal' } },
      }),
      'complete',
    );
    expect(completed.state).toBe('completed');

    const seen = dataOf(
      await requester.GET('/v1/requests/{id}', path),
      'get the completed request',
    );
    expect(seen).toMatchObject({ id: submitted.id, state: 'completed', waitingOn: [] });
    expect(seen.version).toBeGreaterThan(submitted.version);
  });
});
