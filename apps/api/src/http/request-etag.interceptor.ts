import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';
import { RequestEtag } from './request-etag';

/** Sets `ETag` from the `version` of the request a route answers with. */
@Injectable()
export class RequestEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number' && !res.headersSent) {
          res.setHeader('ETag', RequestEtag.of(version));
        }
      }),
    );
  }
}
