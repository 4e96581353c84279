import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig, DomainException } from '@app/core';
import {
  AuthMethod,
  Locale,
  PartiesErrorCode,
  PartiesException,
  SessionsService,
  SignInLinks,
  SignInLinkStatus,
} from '@app/parties';
import { ApiErrors, ApiHtmlErrors } from '../../openapi/api-errors.decorator';
import { AccountChooser } from '../account-choice/account-chooser.service';
import { AuthFailureLimiter } from '../auth-failure-limiter.service';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { Public } from '../public.decorator';
import { safeReturnTo } from '../return-to';
import { sessionCookieOf, setSessionCookie } from '../session-cookie';
import { EmailLinkRequestDto, EmailLinkRequestedResponse } from './email-link.dto';
import { closedSignInPage, signInPage, signInProblemPage } from './email-link.page';

const REQUESTED: EmailLinkRequestedResponse = {
  message:
    'If this address belongs to an active user, a sign-in link is on its way. It works once, for 15 minutes.',
};

/** What a sign-in link's pages may answer instead, as pages too. */
const LINK_PAGE_ERRORS = [
  PartiesErrorCode.SignInLinkInvalid,
  PartiesErrorCode.SignInLinkUsed,
  PartiesErrorCode.SignInLinkExpired,
  PartiesErrorCode.SignInLinkRevoked,
  AuthErrorCode.TooManyAuthFailures,
];
type Closed = Exclude<SignInLinkStatus, 'usable'>;
const CLOSED: Record<Closed, PartiesErrorCode> = {
  used: PartiesErrorCode.SignInLinkUsed,
  expired: PartiesErrorCode.SignInLinkExpired,
  revoked: PartiesErrorCode.SignInLinkRevoked,
};
/** Why a refused link no longer works, by its code: its page says so in the link's language. */
const REASON = new Map<string, Closed>(
  Object.entries(CLOSED).map(([reason, code]) => [code, reason as Closed]),
);
/**
 * What `Sec-Fetch-Site` says of a form posted from elsewhere. The link's own page posts
 * `same-origin`; a browser that sends no such header (or a mail program) is let through.
 */
const CROSS_SITE = new Set(['cross-site', 'same-site']);
const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * Sign-in by emailed link. Asking for a link answers the same 202 whatever the address, so it never
 * tells who has an account. The link is the credential (signed, single-use, fifteen minutes), so
 * these routes take no bearer token. GET only shows a page, because mail scanners open links; the
 * POST from that page signs in, once, and sends the person on with a session cookie.
 */
@Public()
@ApiTags('sign-in')
@Controller('auth/email-link')
export class EmailLinkController {
  constructor(
    private readonly links: SignInLinks,
    private readonly sessions: SessionsService,
    private readonly limiter: AuthFailureLimiter,
    private readonly chooser: AccountChooser,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiErrors(AuthErrorCode.ReturnToInvalid)
  @ApiOperation({ summary: 'Mail a sign-in link to an address' })
  @ApiAcceptedResponse({ type: EmailLinkRequestedResponse })
  async request(@Body() body: EmailLinkRequestDto): Promise<EmailLinkRequestedResponse> {
    let returnTo: string | null = null;
    if (body.returnTo !== undefined) {
      returnTo = safeReturnTo(body.returnTo, this.config.publicUrl);
      if (!returnTo) throw new AuthException(AuthErrorCode.ReturnToInvalid);
    }
    await this.links.request(body.email, returnTo);
    return REQUESTED;
  }

  @Get(':token')
  @ApiProduces('text/html')
  @ApiHtmlErrors(...LINK_PAGE_ERRORS)
  @ApiOperation({ summary: 'Page of a sign-in link, with its button (signs nobody in)' })
  @ApiResponse({ status: 200, description: 'The page with the "Sign in" button', content: HTML })
  async show(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.answer(res, false, async (shown) => {
      const link = await this.links.inspect(token);
      shown.locale = link.locale;
      if (link.status !== 'usable') throw new PartiesException(CLOSED[link.status]);
      res.status(HttpStatus.OK).type('html').send(signInPage(link.locale, link.expiresAt));
    });
  }

  @Post(':token')
  @ApiProduces('text/html')
  @ApiHtmlErrors(...LINK_PAGE_ERRORS, AuthErrorCode.CrossSiteSignIn)
  @ApiOperation({ summary: 'Sign in with a sign-in link, once' })
  @ApiResponse({
    status: 303,
    description:
      'Signed in: the `raci_session` cookie is set, and the browser goes to `returnTo`. When the ' +
      'address has active accounts in several organizations, the `raci_choice` cookie is set ' +
      'instead, and the browser goes to `/auth/choose` to choose one',
    headers: {
      Location: {
        description: 'The `returnTo` of the link, or `/`; or `/auth/choose`',
        schema: { type: 'string' },
      },
      'Set-Cookie': {
        description:
          '`raci_session` (or `raci_choice`, `/auth/choose` only), HttpOnly, SameSite=Lax, Secure under https',
        schema: { type: 'string' },
      },
    },
  })
  async signIn(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, true, async (shown) => {
      // Another site's form must not sign the browser in to the account of a link it holds.
      if (CROSS_SITE.has(String(req.headers['sec-fetch-site']))) {
        throw new AuthException(AuthErrorCode.CrossSiteSignIn);
      }
      shown.locale = (await this.links.inspect(token)).locale;
      const { users, returnTo } = await this.links.use(token);
      if (users.length > 1) {
        await this.chooser.offer(res, users, { method: AuthMethod.EmailLink }, returnTo);
        return;
      }
      const [user] = users;
      const previous = sessionCookieOf(req);
      if (previous) await this.sessions.endByToken(previous);
      const { session, token: cookie } = await this.sessions.start(user, {
        method: AuthMethod.EmailLink,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(res, this.config, cookie, session.expiresAt);
      res
        .location(returnTo ?? '/')
        .status(HttpStatus.SEE_OTHER)
        .end();
    });
  }

  /**
   * Runs a page route, and answers its refusal as a page, in the link's language once it is known.
   * A link that fails its signature is a failed authentication, like a bad bearer token; on POST, so
   * is any link that cannot sign in (used, expired, a deactivated person).
   */
  private async answer(
    res: Response,
    signingIn: boolean,
    run: (shown: { locale?: Locale }) => Promise<void>,
  ): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const shown: { locale?: Locale } = {};
    try {
      await run(shown);
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      const counted =
        (signingIn && error.code !== AuthErrorCode.CrossSiteSignIn) ||
        error.code === PartiesErrorCode.SignInLinkInvalid;
      const tooMany = counted ? await this.limiter.recordFailure(res.req.ip, res) : undefined;
      const refusal = tooMany ?? (error as DomainException);
      const reason = REASON.get(refusal.code);
      const html =
        reason && shown.locale
          ? closedSignInPage(shown.locale, reason)
          : signInProblemPage(refusal.message);
      res.status(refusal.status).type('html').send(html);
    }
  }
}
