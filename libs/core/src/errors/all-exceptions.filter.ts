import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { DomainException, ErrorBody } from './domain.exception';
import { CommonErrorCode } from './error-code';

const CODE_BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.ValidationFailed,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.RouteNotFound,
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
 * anything else is a 500 carrying the request's correlation id, logged with its stack (never shown
 * to the caller).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, String(request.id ?? ''));
    if (body.code === String(CommonErrorCode.DatabaseUnavailable)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      if (!response.headersSent) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, correlationId: body.correlationId }, 'request failed');
    }
    if (!response.headersSent) {
      response.status(body.statusCode).json(body);
    }
  }

  toBody(exception: unknown, correlationId: string): ErrorBody {
    if (exception instanceof DomainException) {
      const known = exception as DomainException;
      return compact({
        statusCode: known.status,
        code: known.code,
        message: known.message,
        details: known.details,
      });
    }
    if (exception instanceof HttpException && exception.getStatus() !== 500) {
      const status = exception.getStatus();
      return compact({
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? CommonErrorCode.ValidationFailed,
        message: messageOf(exception),
        details: detailsOf(exception),
      });
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: CommonErrorCode.DatabaseUnavailable,
        message: 'The database is unavailable; nothing was stored. Try again shortly.',
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: CommonErrorCode.InternalError,
      message: 'An unexpected error occurred; quote the correlation id when reporting it.',
      correlationId,
    };
  }
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const { message } = response as { message?: unknown };
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
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

function compact(body: ErrorBody): ErrorBody {
  return body.details === undefined
    ? { statusCode: body.statusCode, code: body.code, message: body.message }
    : body;
}
