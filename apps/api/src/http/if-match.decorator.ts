import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestEtag } from './request-etag';

/** The request versions the call's `If-Match` accepts, undefined without the header. */
export const IfMatch = createParamDecorator(
  (_: unknown, context: ExecutionContext): number[] | undefined =>
    RequestEtag.expected(context.switchToHttp().getRequest<Request>().header('if-match')),
);
