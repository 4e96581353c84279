import { Controller, Get, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig, DomainException } from '@app/core';
import { PartiesErrorCode, SessionsService, SignInChoices } from '@app/parties';
import { ApiHtmlErrors } from '../../openapi/api-errors.decorator';
import { AuthFailureLimiter } from '../auth-failure-limiter.service';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { Public } from '../public.decorator';
import { sessionCookieOf, setSessionCookie } from '../session-cookie';
import { choiceCookieOf, clearChoiceCookie } from './account-choice-cookie';
import {
  ACCOUNT_CHOICE_CSP,
  accountChoicePage,
  accountChoiceProblemPage,
} from './account-choice.page';

/** What the chooser's pages may answer instead, as pages too. */
const CHOICE_PAGE_ERRORS = [
  PartiesErrorCode.AccountChoiceMissing,
  PartiesErrorCode.AccountChoiceUsed,
  PartiesErrorCode.AccountChoiceExpired,
  PartiesErrorCode.UserDeactivated,
  AuthErrorCode.TooManyAuthFailures,
];
/** Refusals that count against the client's address, as a bad credential does. */
const COUNTED = new Set<string>([
  PartiesErrorCode.AccountChoiceMissing,
  PartiesErrorCode.AccountNotOffered,
]);
/** Refusals after which the choice can never be made: the browser forgets its cookie. */
const OVER = new Set<string>([
  PartiesErrorCode.AccountChoiceMissing,
  PartiesErrorCode.AccountChoiceUsed,
  PartiesErrorCode.AccountChoiceExpired,
  PartiesErrorCode.UserDeactivated,
]);
/** What `Sec-Fetch-Site` says of a form posted from elsewhere; the chooser posts `same-origin`. */
const CROSS_SITE = new Set(['cross-site', 'same-site']);
const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * The choice of account, for a person whose emailed link or identity provider has just proven an
 * address that active accounts of several organizations share. The sign-in left the choice in the
 * `raci_choice` cookie (signed, single use, ten minutes, naming those accounts only); GET shows one
 * button per organization, and the POST of one starts the session of that account, once.
 */
@Public()
@ApiTags('sign-in')
@Controller('auth/choose')
export class AccountChoiceController {
  constructor(
    private readonly choices: SignInChoices,
    private readonly sessions: SessionsService,
    private readonly limiter: AuthFailureLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiProduces('text/html')
  @ApiHtmlErrors(...CHOICE_PAGE_ERRORS)
  @ApiOperation({
    summary: 'Page of the organizations a sign-in may continue in, one button each (public)',
    description:
      'Reads the `raci_choice` cookie a sign-in set when the proven address has active accounts ' +
      'in several organizations. 400 `ACCOUNT_CHOICE_MISSING` without a valid one, 410 ' +
      '`ACCOUNT_CHOICE_USED` or `ACCOUNT_CHOICE_EXPIRED` (ten minutes), as pages.',
  })
  @ApiResponse({
    status: 200,
    description: 'The page with one button per organization',
    content: HTML,
  })
  async show(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      const options = await this.choices.options(choiceCookieOf(req));
      res.status(HttpStatus.OK).type('html').send(accountChoicePage(options));
    });
  }

  @Post(':userId')
  @ApiProduces('text/html')
  @ApiParam({ name: 'userId', description: 'The account chosen: one the page offers' })
  @ApiHtmlErrors(
    ...CHOICE_PAGE_ERRORS,
    PartiesErrorCode.AccountNotOffered,
    AuthErrorCode.CrossSiteAccountChoice,
  )
  @ApiOperation({
    summary: 'Continue the sign-in in one organization: starts the session of that account, once',
    description:
      '403 `ACCOUNT_NOT_OFFERED` for an account the choice does not name (the choice stays ' +
      'open), 403 `CROSS_SITE_ACCOUNT_CHOICE` for a form of another site, 403 `USER_DEACTIVATED`; ' +
      'forged cookies and accounts not offered count like bad credentials.',
  })
  @ApiResponse({
    status: 303,
    description: 'Signed in: the `raci_session` cookie is set, `raci_choice` cleared',
    headers: {
      Location: {
        description: 'The `returnTo` of the sign-in, or `/`',
        schema: { type: 'string' },
      },
      'Set-Cookie': {
        description: '`raci_session`, HttpOnly, SameSite=Lax, Secure under https',
        schema: { type: 'string' },
      },
    },
  })
  async choose(
    @Param('userId') userId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, async () => {
      // Another site's form must not pick the account this browser signs in to.
      if (CROSS_SITE.has(String(req.headers['sec-fetch-site'])))
        throw new AuthException(AuthErrorCode.CrossSiteAccountChoice);
      const { user, signIn, returnTo } = await this.choices.choose(choiceCookieOf(req), userId);
      const previous = sessionCookieOf(req);
      if (previous) await this.sessions.endByToken(previous);
      const { session, token } = await this.sessions.start(user, {
        ...signIn,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      clearChoiceCookie(res, this.config);
      setSessionCookie(res, this.config, token, session.expiresAt);
      res
        .location(returnTo ?? '/')
        .status(HttpStatus.SEE_OTHER)
        .end();
    });
  }

  /** Runs a page route, and answers its refusal as a page. */
  private async answer(res: Response, run: () => Promise<void>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', ACCOUNT_CHOICE_CSP);
    try {
      await run();
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      const refused = error as DomainException<string>;
      const tooMany = COUNTED.has(refused.code)
        ? await this.limiter.recordFailure(res.req.ip, res)
        : undefined;
      if (OVER.has(refused.code)) clearChoiceCookie(res, this.config);
      const shown: DomainException<string> = tooMany ?? refused;
      res.status(shown.status).type('html').send(accountChoiceProblemPage(shown.message));
    }
  }
}
