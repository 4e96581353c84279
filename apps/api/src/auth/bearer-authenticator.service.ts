import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PartiesErrorCode, PartiesException, Principal, TokensService } from '@app/parties';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { bearerToken } from './bearer-token';

/**
 * The one check of `Authorization: Bearer <token>`, shared by the middleware that authenticates
 * before a body is read, the AuthGuard and the queue dashboard: any token that does not work gets
 * the same 401, or 429 once its address is over the failure limit.
 */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly tokens: TokensService,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  async authenticate(req: Request, res: Response): Promise<Principal> {
    const bearer = bearerToken(req.headers.authorization);
    const principal = bearer ? await this.tokens.authenticate(bearer) : null;
    if (principal) return principal;
    // Only a presented credential can be a guess; a request without one is not counted.
    const tooMany = req.headers.authorization
      ? await this.limiter.recordFailure(req.ip, res)
      : undefined;
    if (tooMany) throw tooMany;
    res.setHeader('WWW-Authenticate', 'Bearer');
    throw new PartiesException(PartiesErrorCode.Unauthenticated);
  }
}
