import request from 'supertest';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { expectStatus } from '../helpers/status.assertion';
import {
  ACR_MFA,
  ACR_PASSWORD,
  startIdentityProvider,
  TestIdentityProvider,
} from '../helpers/identity-provider/test-identity-provider';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-prod-01' } };
const INVALID_TOKEN = 'Bearer error="invalid_token"';

/**
 * Machines and people calling with the identity provider's JWT access tokens: a real OpenID
 * provider on a free port signs them, and the engine checks them against its JWKS.
 */
describe('access tokens of the identity provider', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    t = await createTestApp({
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.webClient.clientId,
        OIDC_CLIENT_SECRET: idp.webClient.clientSecret,
        OIDC_AUDIENCE: idp.audience,
        OIDC_STEP_UP_ACR: ACR_MFA,
      },
    });
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.stop();
  });

  /** Gives a user the identity provider's subject, as an admin does. */
  async function linkSubject(user: Actor, oidcSubject: string): Promise<void> {
    const res = await api(t, t.adminToken).patch(`/v1/users/${user.id}`, { oidcSubject });
    expectStatus(res, 200, 'set oidcSubject');
  }

  it('lets a service account call the API with a client-credentials token', async () => {
    const bot = cast.onRequest.requester;
    await linkSubject(bot, idp.serviceClient.clientId);
    const token = await idp.clientCredentialsToken();

    const me = await api(t, token).get('/v1/me').expect(200);
    expect(me.body).toMatchObject({
      id: bot.id,
      authentication: { method: 'idp_token', acr: null, amr: [] },
    });
    expect(me.body).not.toHaveProperty('csrfToken');
    await api(t, token).post('/v1/requests', REPLICA).expect(201);
  });

  it('refuses a valid token whose subject no user has, and creates no user', async () => {
    const stranger = await idp.mintAccessToken({ sub: 'nobody-here' });
    const res = await api(t, stranger).get('/v1/me').expect(401);
    expect(res.body.code).toBe('UNKNOWN_SUBJECT');
    for (const organizationId of [cast.provider.organizationId, cast.onRequest.organizationId]) {
      const users = await api(t, t.adminToken)
        .get(`/v1/organizations/${organizationId}/users?limit=200`)
        .expect(200);
      expect(users.body.items).toHaveLength(6);
    }
  });

  it('refuses expired, not-yet-valid, wrong-audience, wrong-issuer and wrongly signed tokens', async () => {
    const sub = idp.serviceClient.clientId;
    const refused = {
      expired: await idp.mintAccessToken({ sub }, { expiresIn: -120 }),
      'not yet valid': await idp.mintAccessToken(
        { sub },
        { notBefore: Math.floor(Date.now() / 1000) + 600 },
      ),
      'wrong audience': await idp.mintAccessToken({ sub, aud: 'someone-else' }),
      'wrong issuer': await idp.mintAccessToken({ sub, iss: 'https://idp.evil.example' }),
      'wrongly signed': await idp.mintAccessToken({ sub }, { key: 'stranger' }),
      'an ID token': await idp.mintAccessToken({ sub, nonce: 'n-0S6_WzA2Mj' }),
    };
    for (const [why, token] of Object.entries(refused)) {
      const res = await api(t, token).get('/v1/me');
      expect({ why, status: res.status, code: res.body.code }).toEqual({
        why,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      expect(res.headers['www-authenticate']).toBe(INVALID_TOKEN);
    }
    // Within the clock tolerance, a token just past its expiry still works.
    const justExpired = await idp.mintAccessToken({ sub }, { expiresIn: -5 });
    await api(t, justExpired).get('/v1/me').expect(200);
  });

  it('asks a decision without MFA to step up, and takes it with MFA, recording the acr', async () => {
    const approver = cast.provider.approver;
    await linkSubject(approver, `person-${approver.id}`);
    const replica = await submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
    const approve = (token: string) =>
      api(t, token).post(`/v1/requests/${replica.id}/approve`, { comment: 'Fine.' });

    for (const weak of [
      approver.token,
      await idp.mintAccessToken({ sub: `person-${approver.id}`, acr: ACR_PASSWORD, amr: ['pwd'] }),
    ]) {
      const res = await approve(weak).expect(401);
      expect(res.body).toMatchObject({
        code: 'STEP_UP_REQUIRED',
        details: { acrValues: [ACR_MFA] },
      });
      expect(res.headers['www-authenticate']).toBe(
        'Bearer error="insufficient_user_authentication", ' +
          'error_description="A multi-factor sign-in is required", ' +
          `acr_values="${ACR_MFA}"`,
      );
    }
    // Not a decision: no step-up to comment, and nothing was decided meanwhile.
    await api(t, approver)
      .post(`/v1/requests/${replica.id}/comments`, { body: 'Looking at it.' })
      .expect(201);
    expect((await api(t, approver).get(`/v1/requests/${replica.id}`)).body.state).toBe(
      'pending_approval',
    );

    const authTime = Math.floor(Date.now() / 1000) - 30;
    const strong = await idp.mintAccessToken({
      sub: `person-${approver.id}`,
      acr: ACR_MFA,
      amr: ['pwd', 'otp', 'mfa'],
      auth_time: authTime,
    });
    expect((await approve(strong).expect(200)).body.state).toBe('approved');

    const history = await api(t, approver).get(`/v1/requests/${replica.id}/history`).expect(200);
    const [submitted, commented, approved] = history.body.items;
    expect(commented.authentication).toMatchObject({ kind: 'api_token' });
    expect(submitted.authentication).toMatchObject({ kind: 'api_token', method: 'api_token' });
    expect(approved.authentication).toEqual({
      kind: 'idp_token',
      id: expect.any(String),
      issuer: idp.issuer,
      method: 'idp_token',
      acr: ACR_MFA,
      amr: ['pwd', 'otp', 'mfa'],
      authTime: new Date(authTime * 1000).toISOString(),
    });
    const verify = await api(t, t.adminToken).get('/v1/audit/verify').expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('answers 503 while the identity provider cannot be reached', async () => {
    const other = await startIdentityProvider();
    const app = await createTestApp({
      env: {
        OIDC_ISSUER: other.issuer,
        OIDC_CLIENT_ID: other.webClient.clientId,
        OIDC_AUDIENCE: other.audience,
      },
    });
    try {
      const token = await other.mintAccessToken({ sub: 'anyone' });
      await other.stop();
      const res = await request(app.http).get('/v1/me').set('Authorization', `Bearer ${token}`);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 503,
        code: 'IDENTITY_PROVIDER_UNAVAILABLE',
      });
    } finally {
      await app.close();
    }
  });
});
