import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '@app/core';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { OidcDiscovery } from '../oidc/oidc-discovery.service';
import { SignInTransaction } from './sign-in-transaction';

/** What the engine asks the provider for: who the person is, and their address. */
const SCOPE = 'openid email profile';
/**
 * A step-up asks the provider for a sign-in made now (`max_age=0`); its `auth_time` must then be
 * at most this old when the engine checks it (plus the clock tolerance), so a provider that ignored
 * the request and answered from an older session is refused.
 */
const FRESH_SIGN_IN_S = 60;

/** A person the identity provider has just signed in, as its ID token (and userinfo) tell. */
export interface ProviderSignIn {
  sub: string;
  email?: string;
  emailVerified: boolean;
  acr: string | null;
  amr: string[];
  /** `auth_time`, when the provider tells it. */
  authenticatedAt?: Date;
}

/**
 * The authorization code flow with the identity provider of OIDC_ISSUER, through openid-client:
 * PKCE (S256), `state` and `nonce` on the way out; on the way back the state, the code exchange,
 * the ID token's signature, issuer, audience, nonce and times, and `auth_time` when a fresh sign-in
 * was asked for. Errors are the engine's: 503 IDENTITY_PROVIDER_UNAVAILABLE when the provider
 * cannot be reached, 400 SIGN_IN_FAILED for anything it or the browser got wrong.
 */
@Injectable()
export class SsoSignIn {
  constructor(
    private readonly discovery: OidcDiscovery,
    private readonly config: AppConfig,
  ) {}

  /** Where the provider sends people back to. */
  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  /** A new transaction, and the provider's authorization URL the person is sent to for it. */
  async begin(
    returnTo: string,
    acr: string | null,
  ): Promise<{ url: URL; transaction: SignInTransaction }> {
    const configuration = await this.configuration();
    const transaction: SignInTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
      acr,
    };
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    };
    // Step-up: that level, and a sign-in made now, not a session the provider already has.
    if (acr) Object.assign(parameters, { acr_values: acr, max_age: '0' });
    return { url: oidc.buildAuthorizationUrl(configuration, parameters), transaction };
  }

  /**
   * Finishes the sign-in the provider sent the person back from (`currentUrl`: the callback URL
   * with the provider's query) against the transaction of their cookie.
   */
  async complete(currentUrl: URL, transaction: SignInTransaction): Promise<ProviderSignIn> {
    const configuration = await this.configuration();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
        ...(transaction.acr ? { maxAge: FRESH_SIGN_IN_S } : {}),
      });
      const claims = tokens.claims();
      if (!claims) throw new AuthException(AuthErrorCode.SignInFailed, { reason: 'no ID token' });
      let { email, email_verified: verified } = claims;
      if (typeof email !== 'string') {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        ({ email, email_verified: verified } = info);
      }
      return {
        sub: claims.sub,
        email: typeof email === 'string' ? email : undefined,
        emailVerified: verified === true,
        acr: typeof claims.acr === 'string' ? claims.acr : null,
        amr: Array.isArray(claims.amr) ? claims.amr.filter((m) => typeof m === 'string') : [],
        authenticatedAt:
          typeof claims.auth_time === 'number' ? new Date(claims.auth_time * 1000) : undefined,
      };
    } catch (error) {
      throw failure(error);
    }
  }

  /**
   * The provider's end-session URL (RP-initiated logout) that brings the person back to the
   * engine's home, or null when SSO is off or the provider offers none.
   */
  async endSessionUrl(): Promise<URL | null> {
    if (!this.discovery.enabled) return null;
    const configuration = await this.discovery.configuration().catch(() => null);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, {
      client_id: configuration.clientMetadata().client_id,
      post_logout_redirect_uri: `${this.config.publicUrl}/`,
    });
  }

  private async configuration(): Promise<oidc.Configuration> {
    if (!this.discovery.enabled) throw new AuthException(AuthErrorCode.SsoNotConfigured);
    try {
      return await this.discovery.configuration();
    } catch {
      throw new AuthException(AuthErrorCode.IdpUnavailable);
    }
  }
}

/** The engine's error for what openid-client threw; never a token or code in its words. */
function failure(error: unknown): AuthException {
  if (error instanceof AuthException) return error;
  if (unreachable(error)) return new AuthException(AuthErrorCode.IdpUnavailable);
  return new AuthException(AuthErrorCode.SignInFailed, { reason: reasonOf(error) });
}

/**
 * The provider did not answer (network, timeout) or answered with a server error. Judged by name
 * along the cause chain, not by class: openid-client wraps a failed fetch whose TypeError comes
 * from another realm (a test sandbox) in a ClientError, with the TypeError as its cause.
 */
function unreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { name, message, status } = current as {
      name?: unknown;
      message?: unknown;
      status?: unknown;
    };
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    if (name === 'TypeError' && message === 'fetch failed') return true;
    if (typeof status === 'number' && status >= 500) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function reasonOf(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError) {
    return `the identity provider answered ${error.error}`;
  }
  if (error instanceof oidc.ResponseBodyError) {
    return `the identity provider refused the code: ${error.error}`;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string'
    ? `the identity provider's answer did not check out: ${code}`
    : 'the identity provider’s answer did not check out';
}
