import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig, DomainException } from '@app/core';
import {
  AuthMethod,
  PartiesErrorCode,
  ResolveSignedInPersonService,
  SessionsService,
} from '@app/parties';
import { ApiErrors, ApiHtmlErrors } from '../../openapi/api-errors.decorator';
import { AccountChooser } from '../account-choice/account-chooser.service';
import { AuthFailureLimiter } from '../auth-failure-limiter.service';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { Public } from '../public.decorator';
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from '../session-cookie';
import { SignInTransactions } from './sign-in-transaction';
import { SsoSignIn } from './sso-sign-in.service';
import { signInProblemPage } from './sso.page';
import { safeReturnTo } from '../return-to';

const LOCATION = {
  Location: { description: 'Where the browser goes next', schema: { type: 'string' } },
};

/** Failures of the callback that count against the client's address, as a bad credential does. */
const COUNTED = new Set<string>([AuthErrorCode.SignInFailed]);

/**
 * Single sign-on with the identity provider of OIDC_ISSUER (OpenID Connect, authorization code
 * with PKCE). `/auth/login` sends the browser to the provider, `/auth/callback` takes it back and
 * starts a session (the `raci_session` cookie) for the user the provider's subject, or verified
 * address, stands for, and `/auth/logout` ends it, at the provider too. No account is ever created
 * here: admins add users, and a person the engine does not know is refused.
 */
@Public()
@ApiTags('sign-in')
@Controller('auth')
export class SsoController {
  constructor(
    private readonly sso: SsoSignIn,
    private readonly transactions: SignInTransactions,
    private readonly people: ResolveSignedInPersonService,
    private readonly sessions: SessionsService,
    private readonly limiter: AuthFailureLimiter,
    private readonly chooser: AccountChooser,
    private readonly config: AppConfig,
  ) {}

  @Get('login')
  @ApiQuery({
    name: 'returnTo',
    required: false,
    schema: { type: 'string', example: '/requests', default: '/' },
    description: 'A path of this site to come back to once signed in (never another site)',
  })
  @ApiQuery({
    name: 'acr',
    required: false,
    schema: { type: 'string', example: 'urn:raci:loa:mfa' },
    description:
      'Step-up: one of OIDC_STEP_UP_ACR. The provider is asked for that level and for a fresh ' +
      'sign-in (`max_age=0`), whatever session it already has.',
  })
  @ApiResponse({
    status: 302,
    description: "To the identity provider's sign-in; sets the short-lived transaction cookie",
    headers: LOCATION,
  })
  @ApiErrors(
    AuthErrorCode.SsoNotConfigured,
    AuthErrorCode.ReturnToInvalid,
    AuthErrorCode.AcrNotAllowed,
    AuthErrorCode.IdpUnavailable,
  )
  @ApiOperation({
    summary: 'Sign in with single sign-on: to the identity provider, and back (public)',
    description:
      '404 `SSO_NOT_CONFIGURED` when OIDC_ISSUER is not set; 400 `RETURN_TO_INVALID` for a ' +
      'returnTo that is not a path of this site; 400 `ACR_NOT_ALLOWED` for an acr outside ' +
      'OIDC_STEP_UP_ACR; 503 `IDENTITY_PROVIDER_UNAVAILABLE` when its discovery fails.',
  })
  async login(
    @Query('returnTo') returnTo: unknown,
    @Query('acr') acr: unknown,
    @Res() res: Response,
  ): Promise<void> {
    if (!this.config.env.OIDC_ISSUER) throw new AuthException(AuthErrorCode.SsoNotConfigured);
    const path = returnTo === undefined ? '/' : safeReturnTo(returnTo, this.config.publicUrl);
    if (!path) throw new AuthException(AuthErrorCode.ReturnToInvalid);
    const { url, transaction } = await this.sso.begin(path, this.stepUpAcr(acr));
    this.transactions.begin(res, transaction);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url.href);
  }

  @Get('callback')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'code', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'error', required: false, schema: { type: 'string' } })
  @ApiResponse({
    status: 303,
    description:
      'Signed in: sets the `raci_session` cookie, and back to returnTo. When the verified address ' +
      'has active accounts in several organizations (none linked to the subject), sets the ' +
      '`raci_choice` cookie instead, and on to `/auth/choose` to choose one',
    headers: LOCATION,
  })
  @ApiHtmlErrors(
    AuthErrorCode.SignInFailed,
    AuthErrorCode.SsoNotConfigured,
    PartiesErrorCode.NoUserForSignIn,
    PartiesErrorCode.UserDeactivated,
    AuthErrorCode.TooManyAuthFailures,
    AuthErrorCode.IdpUnavailable,
  )
  @ApiOperation({
    summary: 'Where the identity provider sends the browser back to (public)',
    description:
      'HTML on failure. 400 `SIGN_IN_FAILED` (no or expired transaction cookie, a state that ' +
      'does not match, the provider refused or its answer does not check out: counted like a ' +
      'bad credential, 429 past AUTH_FAILURE_LIMIT); 403 `NO_USER_FOR_SIGN_IN` for a person no ' +
      'user here is linked to or has the verified address of (no account is created), 403 ' +
      '`USER_DEACTIVATED`.',
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const transaction = this.transactions.of(req);
    this.transactions.clear(res);
    try {
      if (!this.config.env.OIDC_ISSUER) throw new AuthException(AuthErrorCode.SsoNotConfigured);
      if (!transaction)
        throw new AuthException(AuthErrorCode.SignInFailed, {
          reason: 'it took longer than 10 minutes, or began in another browser',
        });
      const query = new URL(req.originalUrl, 'http://callback.invalid').search;
      const signIn = await this.sso.complete(new URL(this.sso.redirectUri + query), transaction);
      const users = await this.people.resolve(signIn);
      const proven = {
        method: AuthMethod.Oidc as const,
        acr: signIn.acr,
        amr: signIn.amr,
        authenticatedAt: signIn.authenticatedAt,
      };
      if (users.length > 1) {
        await this.chooser.offer(res, users, proven, transaction.returnTo);
        return;
      }
      const { session, token } = await this.sessions.start(users[0], {
        ...proven,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(res, this.config, token, session.expiresAt);
      res.redirect(303, transaction.returnTo);
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      const failed = error as DomainException<string>;
      const tooMany = COUNTED.has(failed.code)
        ? await this.limiter.recordFailure(req.ip, res)
        : undefined;
      const shown: DomainException<string> = tooMany ?? failed;
      const again =
        shown.code === String(AuthErrorCode.SignInFailed) ? this.loginUrl(transaction) : undefined;
      res.status(shown.status).type('html').send(signInProblemPage(shown.message, again));
    }
  }

  @Post('logout')
  @HttpCode(303)
  @ApiResponse({
    status: 303,
    description:
      "Signed out: the cookie's session is ended and the cookie cleared; to the identity " +
      "provider's sign-out for a single sign-on session (RP-initiated logout), else home",
    headers: LOCATION,
  })
  @ApiOperation({
    summary: 'Sign out: end the session of the cookie, here and at the identity provider (public)',
    description:
      'Needs no CSRF header: SameSite=Lax keeps other sites from sending the cookie with a POST, ' +
      'and without a cookie it only sends the browser home.',
  })
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = sessionCookieOf(req);
    const session = token ? await this.sessions.endByToken(token) : null;
    clearSessionCookie(res, this.config);
    res.setHeader('Cache-Control', 'no-store');
    const atProvider = session?.method === AuthMethod.Oidc ? await this.sso.endSessionUrl() : null;
    res.redirect(303, atProvider?.href ?? `${this.config.publicUrl}/`);
  }

  /** The acr asked for, if it is one of OIDC_STEP_UP_ACR; 400 ACR_NOT_ALLOWED otherwise. */
  private stepUpAcr(acr: unknown): string | null {
    if (acr === undefined) return null;
    const allowed = this.config.env.OIDC_STEP_UP_ACR ?? [];
    if (typeof acr === 'string' && allowed.includes(acr)) return acr;
    throw new AuthException(AuthErrorCode.AcrNotAllowed, {
      allowed: allowed.length ? allowed.join(', ') : '(none set)',
    });
  }

  /** Where starting again leads: the same page, and the same step-up, as the failed attempt. */
  private loginUrl(transaction: { returnTo: string; acr: string | null } | null): string {
    const query = new URLSearchParams({ returnTo: transaction?.returnTo ?? '/' });
    if (transaction?.acr) query.set('acr', transaction.acr);
    return `${this.config.publicUrl}/auth/login?${query.toString()}`;
  }
}
