import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, concatMap, from, Observable, of, switchMap } from 'rxjs';
import { CommonErrorCode, CommonException } from '@app/core';
import { IdempotencyService, IdempotentCall, StoredResponse } from '@app/requests';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { IDEMPOTENT } from './idempotent.decorator';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Whose keys the bootstrap admin of ADMIN_TOKEN, who is no user, sends. */
const BOOTSTRAP_ADMIN = '00000000-0000-0000-0000-000000000000';

/** The headers of a first response a replay repeats. */
const REPLAYED_HEADERS = ['Location', 'ETag'];

/**
 * `Idempotency-Key` on every route marked `@Idempotent()`: claims the key before the handler runs,
 * stores its response once it has answered, frees the key when it failed, and answers a replay
 * with the stored response and `Idempotent-Replayed: true`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const marked = this.reflector.getAllAndOverride<boolean | undefined>(IDEMPOTENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!marked) return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const res = http.getResponse<Response>();
    const key = req.header('idempotency-key');
    const principal = req.principal;
    if (key === undefined || !principal) return next.handle();
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new CommonException(CommonErrorCode.ValidationFailed, {
        fields: [
          { field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
        ],
      });
    }
    const call: IdempotentCall = {
      userId: principal.userId ?? BOOTSTRAP_ADMIN,
      route: `${req.method} ${req.path}`.slice(0, 512),
      key,
      requestHash: IdempotencyService.hash(req.body),
    };
    return from(this.idempotency.claim(call)).pipe(
      switchMap((stored) => (stored ? of(replay(res, stored)) : this.run(call, res, next))),
    );
  }

  private run(call: IdempotentCall, res: Response, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await this.idempotency.remember(call, {
          status: res.statusCode,
          body: body === undefined ? null : JSON.parse(JSON.stringify(body)),
          headers: replayedHeaders(res),
        });
        return body;
      }),
      catchError(async (error: unknown) => {
        await this.idempotency.release(call);
        throw error;
      }),
    );
  }
}

function replay(res: Response, stored: StoredResponse): unknown {
  res.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  res.setHeader('Idempotent-Replayed', 'true');
  return stored.body;
}

function replayedHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
