import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { AuthenticatedRequest } from './authenticated-request';
import { RequestAuthenticator } from './request-authenticator.service';
import { IS_PUBLIC_KEY } from './public.decorator';

/**
 * Every route needs `Authorization: Bearer <token>` unless marked @Public(). The principal is
 * usually established before the body is read (HttpEdgeMiddleware); this guard checks every
 * route that reached its handler without one, so no route depends on that middleware alone, and
 * a request is never looked up twice.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    request.principal ??= await this.authenticator.authenticate(request, response);
    return true;
  }
}
