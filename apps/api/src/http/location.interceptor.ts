import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { LOCATION_TEMPLATE } from './created.decorator';

/** Sets `Location` on every 201 of a route marked `@Created(template)`. */
@Injectable()
export class LocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const template = this.reflector.get<string | undefined>(
      LOCATION_TEMPLATE,
      context.getHandler(),
    );
    if (!template) return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        if (res.statusCode === 201 && !res.headersSent) {
          res.setHeader('Location', locationOf(template, body, req.params));
        }
      }),
    );
  }
}

function locationOf(template: string, body: unknown, params: Request['params']): string {
  const fields = (body ?? {}) as Record<string, unknown>;
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(fields[name])))
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
}
