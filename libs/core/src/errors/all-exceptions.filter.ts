import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { requestId } from '../logging/request-id';
import { CommonException } from './common.exception';
import { DomainException, ErrorBody } from './domain.exception';
import { CommonErrorCode } from './error-code';

const CODE_BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.ValidationFailed,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.RouteNotFound,
  405: CommonErrorCode.MethodNotAllowed,
  406: CommonErrorCode.NotAcceptable,
  413: CommonErrorCode.PayloadTooLarge,
  415: CommonErrorCode.UnsupportedMediaType,
  429: CommonErrorCode.TooManyRequests,
  503: CommonErrorCode.ServiceUnavailable,
};

/** Seconds a client is told to wait before trying again while the database is unreachable. */
const DATABASE_RETRY_AFTER_S = 5;

/**
 * The one place errors become responses: known errors keep their status and code, a database that
 * cannot be reached is a 503 `DATABASE_UNAVAILABLE` (the transaction rolled back: nothing stored),
 * anything else is a 500, logged with its stack (never shown to the caller). Every body carries the
 * request's id (`requestId`, the `X-Request-Id` of the response) for the caller to quote.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, requestIdOf(request, response), request);
    if (body.code === String(CommonErrorCode.DatabaseUnavailable)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      if (!response.headersSent) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'request failed');
    }
    if (!response.headersSent) {
      if (exception instanceof DomainException && exception.headers) {
        response.set(exception.headers);
      }
      response.status(body.statusCode).json(body);
    }
  }

  toBody(exception: unknown, requestId: string, request?: Request): ErrorBody {
    const known = this.asDomainException(exception, request);
    return { ...compact(known ?? new CommonException(CommonErrorCode.InternalError)), requestId };
  }

  /** The error as a coded one: a module's own, a framework HTTP error, or a lost database. */
  private asDomainException(exception: unknown, request?: Request): DomainException | null {
    if (exception instanceof DomainException) return exception;
    if (exception instanceof HttpException && exception.getStatus() !== 500) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status] ?? CommonErrorCode.ValidationFailed;
      const route = code === CommonErrorCode.RouteNotFound;
      const where = route ? { method: request?.method, path: request?.path } : {};
      return new CommonException(code, { ...where, ...detailsOf(exception) });
    }
    if (isDatabaseUnavailable(exception)) {
      return new CommonException(CommonErrorCode.DatabaseUnavailable);
    }
    return null;
  }
}

/** Structured parts of an HTTP exception's body (e.g. the health report of a 503), if any. */
function detailsOf(exception: HttpException): Record<string, unknown> | undefined {
  const response = exception.getResponse();
  if (typeof response !== 'object' || response === null) return undefined;
  const rest: Record<string, unknown> = { ...response };
  delete rest.message;
  delete rest.statusCode;
  if (typeof rest.error === 'string') delete rest.error;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * The id the request was logged under; a request refused before logging began (its body could not
 * be parsed) gets one now, echoed in `X-Request-Id` like every other.
 */
function requestIdOf(request: Request & { id?: string }, response: Response): string {
  if (request.id) return String(request.id);
  const sent = response.getHeader('X-Request-Id');
  if (typeof sent === 'string') return sent;
  return response.headersSent ? '' : requestId(request, response);
}

function compact({
  status,
  code,
  message,
  details,
}: DomainException): Omit<ErrorBody, 'requestId'> {
  const body = { statusCode: status, code, message };
  return details && Object.keys(details).length > 0 ? { ...body, details } : body;
}
