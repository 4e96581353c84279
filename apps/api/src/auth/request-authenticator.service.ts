import { timingSafeEqual } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainException } from '@app/core';
import {
  AuthMethod,
  CredentialKind,
  PartiesErrorCode,
  PartiesException,
  Principal,
  PrincipalCacheService,
  SessionsService,
  TokensService,
} from '@app/parties';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import { bearerToken } from './bearer-token';
import { IdpTokenVerifier } from './oidc/idp-token-verifier.service';
import { sessionCookieOf } from './session-cookie';

/** Methods that change nothing, and so need no CSRF token under a cookie. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The one check of who calls, shared by the middleware that authenticates before a body is read,
 * the AuthGuard and the queue dashboard. `Authorization: Bearer` takes an engine `raci_…` token or
 * the identity provider's JWT; without it, the `raci_session` cookie of a signed-in person, whose
 * state-changing calls must carry `X-CSRF-Token`. A credential that does not work gets the same
 * 401, or 429 once its address is over the failure limit.
 */
@Injectable()
export class RequestAuthenticator implements OnApplicationBootstrap {
  constructor(
    private readonly tokens: TokensService,
    private readonly sessions: SessionsService,
    private readonly idpTokens: IdpTokenVerifier,
    private readonly limiter: AuthFailureLimiter,
    private readonly principals: PrincipalCacheService,
  ) {}

  /** Hears of revocations before the first call is served, so none is missed. */
  async onApplicationBootstrap(): Promise<void> {
    await this.principals.listen();
  }

  async authenticate(req: Request, res: Response): Promise<Principal> {
    if (req.headers.authorization !== undefined) return this.bearer(req, res);
    const session = sessionCookieOf(req);
    if (session) return this.session(req, res, session);
    res.setHeader('WWW-Authenticate', 'Bearer');
    throw new PartiesException(PartiesErrorCode.Unauthenticated);
  }

  private async bearer(req: Request, res: Response): Promise<Principal> {
    const bearer = bearerToken(req.headers.authorization);
    if (bearer && this.idpTokens.accepts(bearer)) return this.idpToken(req, res, bearer);
    const principal = bearer ? await this.tokens.authenticate(bearer) : null;
    return principal ?? this.refuse(req, res, 'Bearer error="invalid_token"');
  }

  private async idpToken(req: Request, res: Response, bearer: string): Promise<Principal> {
    const check = await this.idpTokens.verify(bearer);
    if (!check.ok) {
      if (check.reason === 'unavailable') throw new AuthException(AuthErrorCode.IdpUnavailable);
      return this.refuse(req, res, 'Bearer error="invalid_token"');
    }
    const { claims } = check;
    const principal = await this.tokens.principalOfSubject(claims.sub);
    if (!principal) {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new PartiesException(PartiesErrorCode.UnknownSubject);
    }
    const credential = {
      kind: CredentialKind.IdpToken,
      id: typeof claims.jti === 'string' ? claims.jti : null,
      // The provider's token for the subject: the person (or service) got it from the provider.
      issuer: typeof claims.iss === 'string' ? claims.iss : null,
      personal: true,
      method: AuthMethod.IdpToken,
      acr: typeof claims.acr === 'string' ? claims.acr : null,
      amr: Array.isArray(claims.amr) ? claims.amr.filter((v) => typeof v === 'string') : [],
      authTime:
        typeof claims.auth_time === 'number'
          ? new Date(claims.auth_time * 1000).toISOString()
          : null,
    };
    return { ...principal, credential };
  }

  private async session(req: Request, res: Response, token: string): Promise<Principal> {
    const principal = await this.sessions.authenticate(token);
    if (!principal) return this.refuse(req, res, 'Bearer');
    if (!SAFE_METHODS.has(req.method) && !this.csrfMatches(req, token)) {
      throw new AuthException(AuthErrorCode.CsrfTokenInvalid, { header: 'X-CSRF-Token' });
    }
    return principal;
  }

  private csrfMatches(req: Request, sessionToken: string): boolean {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string') return false;
    const expected = Buffer.from(this.sessions.csrfTokenOf(sessionToken));
    const given = Buffer.from(sent);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** A credential that does not work: counted as a failure, then 401 (or 429). */
  private async refuse(req: Request, res: Response, challenge: string): Promise<never> {
    const tooMany: DomainException | undefined = await this.limiter.recordFailure(req.ip, res);
    if (tooMany) throw tooMany;
    res.setHeader('WWW-Authenticate', challenge);
    throw new PartiesException(PartiesErrorCode.Unauthenticated);
  }
}
