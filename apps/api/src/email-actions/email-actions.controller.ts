import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { DomainException } from '@app/core';
import { DecisionLinks, RequestsErrorCode } from '@app/requests';
import { AuthFailureLimiter } from '../auth/auth-failure-limiter.service';
import { Public } from '../auth/public.decorator';
import { confirmationPage, donePage, problemPage } from './email-action.page';

class EmailActionForm {
  @ApiPropertyOptional({ example: 'Fine for the Saturday window.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  reason?: string;
}

/**
 * The links of approval emails. The link itself is the credential (signed, single-use, bound to one
 * approver), so these routes take no bearer token. GET only shows a page, because mail scanners
 * open links; the POST from that page acts.
 */
@Public()
@ApiTags('email actions')
@Controller('v1/email-actions')
export class EmailActionsController {
  constructor(
    private readonly links: DecisionLinks,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'Confirmation page of an approve/reject link (acts on nothing)' })
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => confirmationPage(await this.links.describe(token)));
  }

  @Post(':token')
  @ApiOperation({ summary: 'Approve or reject, once, as the approver the link was made for' })
  async act(
    @Param('token') token: string,
    @Body() form: EmailActionForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, async () => {
      const { verb } = await this.links.describe(token);
      const reason = form.reason?.trim() || undefined;
      if (verb === 'reject' && !reason)
        return problemPage('A rejection needs a reason: go back and give one.');
      const request = await this.links.act(token, reason);
      return donePage(verb, request.id, request.state);
    });
  }

  private async answer(res: Response, render: () => Promise<string>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      this.limiter.assertAllowed(res.req.ip, res);
      res
        .status(200)
        .type('html')
        .send(await render());
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
