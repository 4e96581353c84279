import { createServer, Server } from 'node:http';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser';
import { freePort } from '../throwaway-redis';
import { signInAtProvider } from './sign-in-at-provider';
import {
  ACR_MFA,
  ACR_PASSWORD,
  startIdentityProvider,
  TEST_ONE_TIME_CODE,
  TestIdentityProvider,
} from './test-identity-provider';

const ADA = { sub: 'ada-0001', email: 'ada@example.test', name: 'Ada Lovelace' };
const GRACE = { sub: 'grace-0002', email: 'grace@example.test', password: 'COBOL-1959' };

/** Verifies an access token as the engine does: signature by the JWKS, iss, aud, exp, nbf. */
async function verifyAccessToken(
  idp: TestIdentityProvider,
  token: string,
  audience = idp.audience,
) {
  const jwks = createRemoteJWKSet(new URL(idp.jwksUri));
  return (await jwtVerify(token, jwks, { issuer: idp.issuer, audience, typ: 'at+jwt' })).payload;
}

/** Why `verifyAccessToken` refused the token (its jose error code). */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { code?: string }) => error.code,
  );

describe('the test identity provider', () => {
  jest.setTimeout(60_000);
  let idp: TestIdentityProvider;
  let browser: Browser;
  let page: Page;
  let relyingParty: Server;
  let redirectUri: string;
  let signedOutUri: string;
  let client: oidc.Configuration;

  beforeAll(async () => {
    const port = await freePort();
    redirectUri = `http://127.0.0.1:${port}/callback`;
    signedOutUri = `http://127.0.0.1:${port}/signed-out`;
    relyingParty = createServer((_req, res) => res.end('back at the relying party'));
    await new Promise<void>((resolve) => relyingParty.listen(port, '127.0.0.1', resolve));
    idp = await startIdentityProvider({
      accounts: [ADA],
      redirectUris: [redirectUri],
      postLogoutRedirectUris: [signedOutUri],
      audience: 'raci-engine',
    });
    client = await oidc.discovery(
      new URL(idp.issuer),
      idp.webClient.clientId,
      undefined,
      oidc.ClientSecretBasic(idp.webClient.clientSecret),
      { execute: [oidc.allowInsecureRequests] },
    );
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    // A browser of its own for each test: no provider session carried over.
    page = await (await browser.newContext()).newPage();
  });
  afterEach(() => page?.context().close());
  afterAll(async () => {
    await browser?.close();
    await idp?.stop();
    relyingParty?.close();
  });

  /** Starts a sign-in from the relying party; finish(page) completes it as the user would. */
  async function signIn(extra: Record<string, string>, finish: () => Promise<void>) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    await page.goto(url.href);
    await finish();
    await page.waitForURL((u) => u.href.startsWith(redirectUri));
    return { callback: new URL(page.url()), verifier, state, nonce };
  }

  it('publishes its discovery document', () => {
    const metadata = client.serverMetadata();
    expect(metadata).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: idp.jwksUri,
      code_challenge_methods_supported: ['S256'],
      acr_values_supported: [ACR_PASSWORD, ACR_MFA],
      end_session_endpoint: `${idp.issuer}/session/end`,
    });
    expect(metadata.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials']),
    );
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining(['email', 'email_verified', 'name', 'acr', 'amr', 'auth_time']),
    );
  });

  it('gives a service client a JWT access token for the engine', async () => {
    const token = await idp.clientCredentialsToken();
    const claims = await verifyAccessToken(idp, token);
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: 'raci-engine',
      sub: idp.serviceClient.clientId,
      client_id: idp.serviceClient.clientId,
    });
    expect(claims.exp! - claims.iat!).toBe(300);
    await expect(
      idp.clientCredentialsToken({ client: { ...idp.serviceClient, clientSecret: 'wrong' } }),
    ).rejects.toThrow('invalid_client');
    await expect(idp.clientCredentialsToken({ resource: 'urn:other:api' })).rejects.toThrow(
      'invalid_target',
    );
  });

  it('mints tokens that verify, and tokens that must not', async () => {
    const claims = { sub: ADA.sub, acr: ACR_MFA, amr: ['pwd', 'otp', 'mfa'] };
    expect(await verifyAccessToken(idp, await idp.mintAccessToken(claims))).toMatchObject(claims);
    const refused = async (token: Promise<string>) => refusal(verifyAccessToken(idp, await token));
    expect(await refused(idp.mintAccessToken(claims, { expiresIn: -60 }))).toBe('ERR_JWT_EXPIRED');
    expect(await refused(idp.mintAccessToken(claims, { notBefore: 600 }))).toBe(
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
    expect(await refused(idp.mintAccessToken({ ...claims, aud: 'someone-else' }))).toBe(
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
    expect(await refused(idp.mintAccessToken({ ...claims, iss: 'http://127.0.0.1:1' }))).toBe(
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
    const stranger = await idp.mintAccessToken(claims, { key: 'stranger' });
    expect(decodeProtectedHeader(stranger).kid).toBe(idp.currentKid);
    expect(await refused(Promise.resolve(stranger))).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('signs in by password, refusing a wrong one, for an account added at runtime', async () => {
    await idp.addAccount(GRACE);
    const { callback, verifier, state, nonce } = await signIn({}, async () => {
      await signInAtProvider(page, { email: GRACE.email, password: 'not-it' });
      expect(await page.textContent('#error')).toBe('Unknown email or wrong password.');
      await signInAtProvider(page, { email: GRACE.email, password: GRACE.password });
    });
    const tokens = await oidc.authorizationCodeGrant(client, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    expect(tokens.claims()).toMatchObject({
      iss: idp.issuer,
      aud: idp.webClient.clientId,
      sub: GRACE.sub,
      email: GRACE.email,
      email_verified: true,
      name: 'grace',
      acr: ACR_PASSWORD,
      amr: ['pwd'],
      auth_time: expect.any(Number),
    });
    // Without a resource at the token endpoint the access token is the provider's own, for userinfo.
    const userinfo = await oidc.fetchUserInfo(client, tokens.access_token, GRACE.sub);
    expect(userinfo).toMatchObject({ sub: GRACE.sub, email: GRACE.email, email_verified: true });
  });

  it('steps up to the one-time code for acr_values and max_age=0, even when signed in', async () => {
    await signIn({}, () => signInAtProvider(page, { email: ADA.email }));
    const { callback, verifier, state, nonce } = await signIn(
      { acr_values: ACR_MFA, max_age: '0' },
      async () => {
        expect(await page.textContent('#step-up')).toContain('one-time code');
        await signInAtProvider(page, { email: ADA.email, otp: '000000' });
        expect(await page.textContent('#error')).toBe('That one-time code is not valid.');
        await signInAtProvider(page, { email: ADA.email, otp: TEST_ONE_TIME_CODE });
      },
    );
    const tokens = await oidc.authorizationCodeGrant(
      client,
      callback,
      { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, maxAge: 0 },
      { resource: idp.resource },
    );
    const idToken = tokens.claims()!;
    expect(idToken).toMatchObject({
      sub: ADA.sub,
      email: ADA.email,
      email_verified: true,
      name: ADA.name,
      acr: ACR_MFA,
      amr: ['pwd', 'otp', 'mfa'],
    });
    expect(Math.abs(idToken.auth_time! - Date.now() / 1000)).toBeLessThan(30);
    // With the engine's resource at the token endpoint, the access token is a JWT for the engine.
    expect(await verifyAccessToken(idp, tokens.access_token)).toMatchObject({
      sub: ADA.sub,
      client_id: idp.webClient.clientId,
      acr: ACR_MFA,
      amr: ['pwd', 'otp', 'mfa'],
      auth_time: idToken.auth_time,
    });
    await expect(oidc.fetchUserInfo(client, tokens.access_token, ADA.sub)).rejects.toThrow();

    // And the provider signs the session out when the relying party asks.
    await page.goto(
      oidc.buildEndSessionUrl(client, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: signedOutUri,
      }).href,
    );
    await page.waitForURL(signedOutUri);
    const { callback: again } = await signIn({}, async () => {
      expect(await page.getByLabel('Email').count()).toBe(1);
      await signInAtProvider(page, { email: ADA.email });
    });
    expect(again.searchParams.get('code')).toBeTruthy();
  });

  it('keeps a session, but asks again when acr_values wants more than it has', async () => {
    await signIn({}, () => signInAtProvider(page, { email: ADA.email }));
    const { callback: silent } = await signIn({}, () => Promise.resolve());
    expect(silent.searchParams.get('code')).toBeTruthy();

    const { callback, verifier, state, nonce } = await signIn({ acr_values: ACR_MFA }, () =>
      signInAtProvider(page, { email: ADA.email, otp: TEST_ONE_TIME_CODE }),
    );
    const checks = { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce };
    const tokens = await oidc.authorizationCodeGrant(client, callback, checks);
    expect(tokens.claims()).toMatchObject({ sub: ADA.sub, acr: ACR_MFA });
  });

  it('rotates its signing key, keeping or dropping the old one', async () => {
    const before = await idp.clientCredentialsToken();
    const oldKid = idp.currentKid;
    await idp.rotateKeys();
    const after = await idp.clientCredentialsToken();
    expect(decodeProtectedHeader(after).kid).toBe(idp.currentKid);
    expect(idp.currentKid).not.toBe(oldKid);
    await verifyAccessToken(idp, before);
    await verifyAccessToken(idp, after);

    await idp.rotateKeys({ keepOld: false });
    expect(await refusal(verifyAccessToken(idp, after))).toBe('ERR_JWKS_NO_MATCHING_KEY');
    await verifyAccessToken(idp, await idp.clientCredentialsToken());
  });
});
