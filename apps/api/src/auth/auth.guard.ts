import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { PartiesErrorCode, PartiesException, TokensService } from '@app/parties';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC_KEY } from './public.decorator';
import { bearerToken } from './bearer-token';

/**
 * Every route needs `Authorization: Bearer <token>` unless marked @Public(). The principal it
 * establishes is set on the request; any token that does not work gets the same 401, and a client
 * that keeps failing gets 429 for a while.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly limiter: AuthFailureLimiter,
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
    this.limiter.assertAllowed(request.ip, response);
    const bearer = bearerToken(request.headers.authorization);
    const principal = bearer ? await this.tokens.authenticate(bearer) : null;
    if (!principal) {
      // Only a presented credential can be a guess; a request without one is not counted.
      const tooMany = request.headers.authorization
        ? await this.limiter.recordFailure(request.ip, response)
        : undefined;
      if (tooMany) throw tooMany;
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new PartiesException(PartiesErrorCode.Unauthenticated);
    }
    request.principal = principal;
    return true;
  }
}
