import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { Request, Response } from 'express';
import { AppConfig, DomainException } from '@app/core';
import { requestPageUrl } from '@app/notifications';
import { isStepUp, Principal, SessionsService } from '@app/parties';
import { sessionCookieOf } from '../auth/session-cookie';
import { DecisionLinks, LinkSummary, RequestsErrorCode } from '@app/requests';
import { AuthFailureLimiter } from '../auth/auth-failure-limiter.service';
import { Public } from '../auth/public.decorator';
import { closedPage, confirmationPage, donePage, problemPage } from './email-action.page';
import { PAGE_WORDS } from './email-action.words';
import { ApiHtmlErrors } from '../openapi/api-errors.decorator';
import { AuthErrorCode } from '../auth/auth.exception';

/** What a decision link's pages may answer instead, as pages too. */
const LINK_PAGE_ERRORS = [
  RequestsErrorCode.LinkInvalid,
  RequestsErrorCode.LinkUsed,
  RequestsErrorCode.LinkExpired,
  RequestsErrorCode.LinkNoLongerApplies,
  AuthErrorCode.TooManyAuthFailures,
];
const LINK_PAGE_DESCRIPTION =
  'HTML. 404 `LINK_INVALID`; 410 `LINK_USED`, `LINK_EXPIRED` or `LINK_NO_LONGER_APPLIES`, saying what happened and who did it.';

/** Under OIDC_STEP_UP_ACR, an approve or reject link first sends its person through SSO with MFA. */
const STEP_UP_REDIRECT = {
  status: 303,
  description:
    'The decision needs a multi-factor sign-in first: to `/auth/login?acr=…&returnTo=` this page, ' +
    "which comes back here once the link's own person has signed in with it.",
  headers: { Location: { description: 'The sign-in', schema: { type: 'string' } } },
};

class EmailActionForm {
  @ApiPropertyOptional({ example: 'Fine for the Saturday window.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  reason?: string;
}

/**
 * The decision links of emails (approve, reject, agree, disagree). The link itself is the credential
 * (signed, single-use, bound to one person), so these routes take no bearer token. GET only shows a
 * page, because mail scanners open links; the POST from that page acts. A link that can no longer
 * act answers 410 with what happened and who did it, and offers no form.
 */
@Public()
@ApiProduces('text/html')
@ApiTags('email actions')
@Controller('v1/email-actions')
export class EmailActionsController {
  constructor(
    private readonly links: DecisionLinks,
    private readonly limiter: AuthFailureLimiter,
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
  ) {}

  @Get(':token')
  @ApiOkResponse({
    description: 'The confirmation page, with its form',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiHtmlErrors(...LINK_PAGE_ERRORS)
  @ApiResponse(STEP_UP_REDIRECT)
  @ApiOperation({
    summary: 'Confirmation page of a decision link (acts on nothing)',
    description: LINK_PAGE_DESCRIPTION,
  })
  async confirm(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, async () => {
      const summary = await this.links.describe(token);
      if (summary.closed) return this.closed(summary);
      const person = summary.needsStepUp ? await this.signedIn(req) : null;
      if (summary.needsStepUp && !this.steppedUp(person, summary)) return this.signIn(req);
      return confirmationPage(summary, this.viewUrl(summary));
    });
  }

  @Post(':token')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({
    description: 'The page saying what was done',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiHtmlErrors(...LINK_PAGE_ERRORS)
  @ApiResponse(STEP_UP_REDIRECT)
  @ApiOperation({
    summary: 'Approve, reject, agree or disagree, once, as the person the link was made for',
    description: LINK_PAGE_DESCRIPTION,
  })
  async act(
    @Param('token') token: string,
    @Body() form: EmailActionForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, async () => {
      const summary = await this.links.describe(token);
      if (summary.closed) return this.closed(summary);
      const person = await this.signedIn(req);
      if (summary.needsStepUp && !this.steppedUp(person, summary)) return this.signIn(req);
      const { verb } = summary;
      const reason = form.reason?.trim() || undefined;
      if (verb === 'reject' && !reason)
        return problemPage(PAGE_WORDS[summary.locale].needsReason, summary.locale);
      const request = await this.links.act(token, reason, person ?? undefined);
      return donePage(summary.locale, verb, request.id, request.state);
    });
  }

  /** The session of whoever follows the link, if they are signed in. */
  private signedIn(req: Request): Promise<Principal | null> {
    const cookie = sessionCookieOf(req);
    return cookie ? this.sessions.authenticate(cookie) : Promise.resolve(null);
  }

  /** Whether the link's own person is signed in with the multi-factor sign-in a decision needs. */
  private steppedUp(person: Principal | null, summary: LinkSummary): boolean {
    return (
      person?.userId === summary.holderId &&
      isStepUp(person.credential, this.config.env.OIDC_STEP_UP_ACR ?? [])
    );
  }

  /** Through the multi-factor sign-in, and back to this link's page. */
  private signIn(req: Request): Redirect {
    const [acr] = this.config.env.OIDC_STEP_UP_ACR ?? [];
    const query = new URLSearchParams({ acr, returnTo: req.originalUrl.split('?')[0] });
    return new Redirect(`/auth/login?${query.toString()}`);
  }

  private viewUrl(summary: LinkSummary): string {
    return requestPageUrl(this.config.publicUrl, summary.requestId);
  }

  /** A link that can no longer act: 410, what happened and who did it. */
  private closed(summary: LinkSummary): Gone {
    return new Gone(closedPage(summary, this.viewUrl(summary)));
  }

  private async answer(
    res: Response,
    render: () => Promise<string | Gone | Redirect>,
  ): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      const rendered = await render();
      if (rendered instanceof Redirect) return res.redirect(303, rendered.location);
      const gone = rendered instanceof Gone;
      res
        .status(gone ? 410 : 200)
        .type('html')
        .send(gone ? rendered.html : rendered);
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      // A link token that fails its signature is a failed authentication, like a bad bearer token.
      const tooMany =
        error.code === RequestsErrorCode.LinkInvalid
          ? await this.limiter.recordFailure(res.req.ip, res)
          : undefined;
      const shown = tooMany ?? (error as DomainException);
      res.status(shown.status).type('html').send(problemPage(shown.message));
    }
  }
}

/** Where to send the browser instead of answering a page: the sign-in a decision needs first. */
class Redirect {
  constructor(readonly location: string) {}
}

/** The page of a link that can no longer act, answered with 410. */
class Gone {
  constructor(readonly html: string) {}
}
