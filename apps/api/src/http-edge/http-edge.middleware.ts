import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CommonErrorCode, CommonException } from '@app/core';
import { AuthenticatedRequest } from '../auth/authenticated-request';
import { RequestAuthenticator } from '../auth/request-authenticator.service';
import { bodyParsing } from '../body-parsing';
import { RouteMatch, RouteTable } from './route-table';

/**
 * The checks every request of a controller route goes through before its handler, one status per
 * check and in this order: 405 for a method the path does not have (with `Allow`), 406 for an
 * `Accept` the route cannot answer, 401 (or 429) for a credential that does not work, and only
 * then the body: 413, 400 or 415. A caller without a valid token learns nothing from its body.
 */
@Injectable()
export class HttpEdgeMiddleware implements NestMiddleware {
  private readonly readBody = bodyParsing();

  constructor(
    private readonly routes: RouteTable,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  use(req: AuthenticatedRequest, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?')[0];
    const match = this.routes.match(req.method, path);
    const refusal = this.refusal(req, res, path, match);
    if (refusal === 'answered') return;
    if (refusal) return next(refusal);
    if (!match.route || match.route.isPublic) {
      this.readBody(req, res, next);
      return;
    }
    this.authenticator.authenticate(req, res).then(
      (principal) => {
        req.principal = principal;
        this.readBody(req, res, next);
      },
      (error: unknown) => next(error),
    );
  }

  /** 405 or 406 when the request cannot be served whoever sends it; OPTIONS answered here. */
  private refusal(
    req: Request,
    res: Response,
    path: string,
    { route, allow }: RouteMatch,
  ): CommonException | 'answered' | undefined {
    if (allow.length === 0) return undefined;
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', [...allow, 'OPTIONS'].join(', '));
      res.status(204).end();
      return 'answered';
    }
    if (!route) {
      res.setHeader('Allow', [...allow, 'OPTIONS'].join(', '));
      return new CommonException(CommonErrorCode.MethodNotAllowed, {
        method: req.method,
        path,
        allow,
      });
    }
    if (req.accepts(route.produces)) return undefined;
    return new CommonException(CommonErrorCode.NotAcceptable, {
      accept: req.headers.accept ?? '',
      offers: route.produces,
    });
  }
}
