import * as oidc from 'openid-client';
import { AppConfig } from '@app/core';
import { OidcDiscovery } from '../oidc/oidc-discovery.service';
import { SignInTransaction } from './sign-in-transaction';
import { SsoSignIn } from './sso-sign-in.service';

/** A provider that is never reached: nothing listens on port 9 of the loopback. */
const PROVIDER = 'https://127.0.0.1:9';
const config = AppConfig.fromEnv({
  PUBLIC_URL: 'https://raci.example/engine',
  OIDC_ISSUER: PROVIDER,
  OIDC_CLIENT_ID: 'raci-engine-web',
});
const configuration = new oidc.Configuration(
  {
    issuer: PROVIDER,
    authorization_endpoint: `${PROVIDER}/auth`,
    token_endpoint: `${PROVIDER}/token`,
    end_session_endpoint: `${PROVIDER}/session/end`,
  },
  'raci-engine-web',
  'secret',
);
const discovery = (found: Promise<oidc.Configuration>, enabled = true) =>
  ({ enabled, configuration: () => found }) as unknown as OidcDiscovery;

describe('SsoSignIn', () => {
  const sso = new SsoSignIn(discovery(Promise.resolve(configuration)), config);
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
    );

  it('sends the person to the provider with PKCE S256, state, nonce and the callback', async () => {
    const { url, transaction } = await sso.begin('/requests', null);
    const query = Object.fromEntries(url.searchParams);
    expect(url.origin + url.pathname).toBe(`${PROVIDER}/auth`);
    expect(query).toEqual({
      client_id: 'raci-engine-web',
      response_type: 'code',
      redirect_uri: 'https://raci.example/engine/auth/callback',
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    expect(transaction).toMatchObject({ returnTo: '/requests', acr: null });
    expect(query).not.toHaveProperty('code_verifier');
  });

  it('asks for the step-up level and a sign-in made now', async () => {
    const { url, transaction } = await sso.begin('/', 'urn:raci:loa:mfa');
    expect(url.searchParams.get('acr_values')).toBe('urn:raci:loa:mfa');
    expect(url.searchParams.get('max_age')).toBe('0');
    expect(transaction.acr).toBe('urn:raci:loa:mfa');
  });

  const transaction: SignInTransaction = {
    state: 'state-1',
    nonce: 'nonce-1',
    codeVerifier: 'v'.repeat(43),
    returnTo: '/',
    acr: null,
  };
  const callback = (query: string) =>
    sso.complete(new URL(`https://raci.example/engine/auth/callback?${query}`), transaction);

  it('fails the sign-in, naming why, when the provider refused it or the state is not ours', async () => {
    await expect(codeOf(callback('error=access_denied&state=state-1'))).resolves.toBe(
      'SIGN_IN_FAILED: The sign-in could not be completed (the identity provider answered access_denied). Start again from the sign-in page.',
    );
    await expect(codeOf(callback('code=c&state=another'))).resolves.toMatch(
      /^SIGN_IN_FAILED: .*did not check out/,
    );
  });

  it('answers 503 when the provider cannot be reached, or its discovery fails', async () => {
    await expect(codeOf(callback('code=c&state=state-1'))).resolves.toMatch(
      /^IDENTITY_PROVIDER_UNAVAILABLE/,
    );
    const down = new SsoSignIn(discovery(Promise.reject(new Error('ECONNREFUSED'))), config);
    await expect(codeOf(down.begin('/', null))).resolves.toMatch(/^IDENTITY_PROVIDER_UNAVAILABLE/);
    expect(await down.endSessionUrl()).toBeNull();
  });

  it('is not found when single sign-on is not set up', async () => {
    const off = new SsoSignIn(discovery(Promise.resolve(configuration), false), config);
    await expect(codeOf(off.begin('/', null))).resolves.toMatch(/^SSO_NOT_CONFIGURED/);
    expect(await off.endSessionUrl()).toBeNull();
  });

  it('signs out at the provider, back to the home of the engine', async () => {
    const url = await sso.endSessionUrl();
    expect(url?.origin + url!.pathname).toBe(`${PROVIDER}/session/end`);
    expect(Object.fromEntries(url!.searchParams)).toEqual({
      client_id: 'raci-engine-web',
      post_logout_redirect_uri: 'https://raci.example/engine/',
    });
  });
});
