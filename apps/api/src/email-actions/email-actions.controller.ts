import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { AppConfig, DomainException } from '@app/core';
import { requestPageUrl } from '@app/notifications';
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
  ) {}

  @Get(':token')
  @ApiOkResponse({
    description: 'The confirmation page, with its form',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiHtmlErrors(...LINK_PAGE_ERRORS)
  @ApiOperation({
    summary: 'Confirmation page of a decision link (acts on nothing)',
    description: LINK_PAGE_DESCRIPTION,
  })
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      const summary = await this.links.describe(token);
      return summary.closed
        ? this.closed(summary)
        : confirmationPage(summary, this.viewUrl(summary));
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
  @ApiOperation({
    summary: 'Approve, reject, agree or disagree, once, as the person the link was made for',
    description: LINK_PAGE_DESCRIPTION,
  })
  async act(
    @Param('token') token: string,
    @Body() form: EmailActionForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, async () => {
      const summary = await this.links.describe(token);
      if (summary.closed) return this.closed(summary);
      const { verb } = summary;
      const reason = form.reason?.trim() || undefined;
      if (verb === 'reject' && !reason)
        return problemPage(PAGE_WORDS[summary.locale].needsReason, summary.locale);
      const request = await this.links.act(token, reason);
      return donePage(summary.locale, verb, request.id, request.state);
    });
  }

  private viewUrl(summary: LinkSummary): string {
    return requestPageUrl(this.config.publicUrl, summary.requestId);
  }

  /** A link that can no longer act: 410, what happened and who did it. */
  private closed(summary: LinkSummary): Gone {
    return new Gone(closedPage(summary, this.viewUrl(summary)));
  }

  private async answer(res: Response, render: () => Promise<string | Gone>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      const rendered = await render();
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

/** The page of a link that can no longer act, answered with 410. */
class Gone {
  constructor(readonly html: string) {}
}
