import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InboxSignal, LiveInboxHub } from '@app/notifications';
import { OrganizationKind, type Principal } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

/** A comment line this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 20_000;
/** How long a browser waits before it opens a dropped stream again. */
const RETRY_MS = 5_000;

const STREAM_EXAMPLE =
  `retry: ${RETRY_MS}\n\n` +
  'event: inbox\ndata: {"requestId":"0d5f3c52-7a8e-4b1e-9f2a-3c4d5e6f7a8b","event":"request.submitted"}\n\n' +
  ': heartbeat\n\n';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxEventsController {
  constructor(private readonly hub: LiveInboxHub) {}

  @Get('events')
  @ApiOperation({
    summary: 'A stream of the changes that can add to or remove from the caller’s inbox',
    description:
      'Server-Sent Events: an `inbox` event, its data `{requestId, event}`, each time a request the ' +
      'caller’s organization is a party to is submitted, decided or worked on (the provider is a ' +
      'party to every request), whichever API process the change went through. The stream says ' +
      'only that something changed: read `GET /v1/inbox` again. A comment line every 20 s keeps ' +
      'proxies from closing it; `retry:` tells a browser when to open it again once it drops. ' +
      'Changes made while no stream was open are not replayed.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The stream, open until the client closes it',
    content: { 'text/event-stream': { schema: { type: 'string' }, example: STREAM_EXAMPLE } },
  })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // nginx and its kind would otherwise hold events back in their buffers.
    res.setHeader('X-Accel-Buffering', 'no');
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const stop = this.hub.listen({
      organizationId: principal.organizationId,
      provider: principal.kind === OrganizationKind.Provider,
      deliver: ({ requestId, event }: InboxSignal) =>
        res.write(`event: inbox\ndata: ${JSON.stringify({ requestId, event })}\n\n`),
      end: () => res.end(),
    });
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      stop();
    };
    req.on('close', close);
    res.on('close', close);
    res.on('error', close);
    // The answer starts once the stream hears every change from now on.
    await this.hub.ready();
    if (closed) return;
    res.flushHeaders();
    res.write(`retry: ${RETRY_MS}\n\n`);
  }
}
