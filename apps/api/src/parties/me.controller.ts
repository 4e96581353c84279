import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';
import {
  CredentialKind,
  PartiesErrorCode,
  type Principal,
  SessionsService,
  UsersService,
} from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { clearSessionCookie, sessionCookieOf } from '../auth/session-cookie';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { MeResponse } from './me.response';
import { SessionListResponse, SessionResponse } from './session.response';
import { UUID_PARAM } from './uuid-param.pipe';

/** The session a request came with, if it came with one. */
function currentSessionId(principal: Principal): string | null {
  const { credential } = principal;
  return credential?.kind === CredentialKind.Session ? credential.id : null;
}

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token or session' })
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Who the caller is, for which organization, and how they signed in' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<MeResponse> {
    const cookie = currentSessionId(principal) ? sessionCookieOf(req) : undefined;
    const csrfToken = cookie ? this.sessions.csrfTokenOf(cookie) : undefined;
    return MeResponse.from(await this.users.whoami(principal), csrfToken);
  }

  @Get('sessions')
  @ApiOperation({ summary: 'The caller’s sessions that still work, newest first' })
  @ApiOkResponse({ type: SessionListResponse })
  async listSessions(@CurrentPrincipal() principal: Principal): Promise<SessionListResponse> {
    const current = currentSessionId(principal);
    const sessions = await this.sessions.list(principal);
    return { items: sessions.map((session) => SessionResponse.from(session, current)) };
  }

  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiErrors(PartiesErrorCode.SessionNotFound)
  @ApiOperation({ summary: 'End one of the caller’s sessions (sign it out)' })
  @ApiNoContentResponse({ description: 'Ended (or ended already)' })
  async endSession(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.sessions.end(principal, id);
    if (id === currentSessionId(principal)) clearSessionCookie(res, this.config);
  }
}
