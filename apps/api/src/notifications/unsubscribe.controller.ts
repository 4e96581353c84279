import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainException } from '@app/core';
import {
  InformedMail,
  NotificationPreferences,
  NotificationsErrorCode,
  UnsubscribeLinks,
} from '@app/notifications';
import { AuthFailureLimiter } from '../auth/auth-failure-limiter.service';
import { Public } from '../auth/public.decorator';
import {
  unsubscribeConfirmationPage,
  unsubscribedPage,
  unsubscribeProblemPage,
} from './unsubscribe.page';
import { ApiHtmlErrors } from '../openapi/api-errors.decorator';
import { AuthErrorCode } from '../auth/auth.exception';

/**
 * The one-click unsubscribe of Informed mail (RFC 8058). The link is the credential (signed for
 * one user), so these routes take no bearer token. GET only shows a page with a button, because
 * mail scanners open links; POST, from that page or from a mail program's own button, turns that
 * user's Informed mail off. A forged or altered link counts as a failed authentication.
 */
@Public()
@ApiTags('email actions')
@ApiProduces('text/html')
@ApiNotFoundResponse({ description: 'UNSUBSCRIBE_LINK_INVALID: forged or altered (HTML page)' })
@ApiTooManyRequestsResponse({ description: 'TOO_MANY_AUTH_FAILURES, with Retry-After' })
@Controller('v1/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly preferences: NotificationPreferences,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  @Get(':token')
  @ApiHtmlErrors(NotificationsErrorCode.UnsubscribeLinkInvalid, AuthErrorCode.TooManyAuthFailures)
  @ApiOperation({ summary: 'Confirmation page of an unsubscribe link (changes nothing)' })
  @ApiOkResponse({
    description: 'An HTML page with the button that unsubscribes',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      const user = await this.links.userOf(token);
      return unsubscribeConfirmationPage(user.email);
    });
  }

  @Post(':token')
  @ApiHtmlErrors(NotificationsErrorCode.UnsubscribeLinkInvalid, AuthErrorCode.TooManyAuthFailures)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn the link’s user’s Informed mail off (List-Unsubscribe=One-Click)',
  })
  @ApiOkResponse({
    description: 'Done (also when it was off already): an HTML page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: 'MALFORMED_JSON: a body that does not parse (JSON)' })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE: a body over 64 kB (JSON)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_MEDIA_TYPE (JSON)' })
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      const user = await this.links.userOf(token);
      await this.preferences.setInformed(user.id, InformedMail.Off);
      return unsubscribedPage(user.email);
    });
  }

  private async answer(res: Response, render: () => Promise<string>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      res
        .status(200)
        .type('html')
        .send(await render());
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      const tooMany =
        error.code === NotificationsErrorCode.UnsubscribeLinkInvalid
          ? await this.limiter.recordFailure(res.req.ip, res)
          : undefined;
      const shown = tooMany ?? (error as DomainException);
      res.status(shown.status).type('html').send(unsubscribeProblemPage(shown.message));
    }
  }
}
