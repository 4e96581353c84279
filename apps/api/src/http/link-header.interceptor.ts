import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';

/**
 * Sets `Link: <…>; rel="next"` on every page `{items, nextCursor}` that has a next one: the same
 * URL, filters and limit kept, with `cursor` set to `nextCursor`.
 */
@Injectable()
export class LinkHeaderInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (req.method !== 'GET') return next.handle();
    return next.handle().pipe(
      tap((body) => {
        const page = body as { items?: unknown; nextCursor?: unknown } | null;
        if (
          page &&
          Array.isArray(page.items) &&
          typeof page.nextCursor === 'string' &&
          !res.headersSent
        ) {
          res.setHeader('Link', `<${nextPageUrl(req.originalUrl, page.nextCursor)}>; rel="next"`);
        }
      }),
    );
  }
}

export function nextPageUrl(originalUrl: string, cursor: string): string {
  const url = new URL(originalUrl, 'http://origin.invalid');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}
