import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { CommonErrorCode, CommonException } from '@app/core';
import { assertJsonDepth } from './json-depth';

/** Largest JSON body accepted; larger ones get 413 before any code runs. */
export const BODY_LIMIT = '64kb';

/** What body-parser's error types mean to a caller. */
const PARSER_ERRORS: Record<string, CommonErrorCode> = {
  'entity.too.large': CommonErrorCode.PayloadTooLarge,
  'entity.parse.failed': CommonErrorCode.MalformedJson,
  'entity.too.deep': CommonErrorCode.MalformedJson,
  'encoding.unsupported': CommonErrorCode.UnsupportedMediaType,
  'charset.unsupported': CommonErrorCode.UnsupportedMediaType,
};

/**
 * Body parsing (JSON for the API, URL-encoded for the forms of email links) with a size limit, and
 * 415 for a body that is not JSON on a JSON route, as one middleware. Parser failures become coded
 * errors here, before Nest would turn them into a generic 400 and lose which problem it was.
 */
export function bodyParsing(): RequestHandler {
  const parsers = [
    json({ limit: BODY_LIMIT, verify: (_req, _res, raw) => assertJsonDepth(raw) }),
    urlencoded({ extended: false, limit: BODY_LIMIT }),
    jsonBodiesOnly,
  ];
  return (req, res, next) => {
    const run = (index: number): void => {
      if (index === parsers.length) return next();
      parsers[index](req, res, (error?: unknown) =>
        error ? next(toCodedError(error)) : run(index + 1),
      );
    };
    run(0);
  };
}

interface ParserError {
  type?: string;
  message?: string;
  status?: number;
}

/** A parser's failure as the coded error a caller reads; anything else as it was. */
function toCodedError(failure: unknown): unknown {
  if (failure instanceof CommonException) return failure;
  const error = failure as ParserError;
  const known = PARSER_ERRORS[error.type ?? ''];
  const code = known ?? unreadableBody(error.status);
  if (!code) return error;
  const reason = known
    ? error.message
    : 'it is cut short, or encoded (gzip, deflate) and does not decode';
  const details = code === CommonErrorCode.PayloadTooLarge ? { limit: BODY_LIMIT } : { reason };
  return new CommonException(code, details);
}

/** Routes of forms posted by people and mail clients (email links, sign-in links, RFC 8058 one-click unsubscribe). */
const FORM_ROUTES = /^\/(v1\/(email-actions|unsubscribe)|auth\/email-link)\//;

/**
 * Every other route reads JSON: a body of another type gets 415, saying what to send, instead of the
 * validation errors of an empty body. A request without a body passes, whatever its headers say.
 */
export function jsonBodiesOnly(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req.headers) || FORM_ROUTES.test(req.originalUrl) || req.is('application/json')) {
    return next();
  }
  const type = req.headers['content-type'];
  next(
    new CommonException(CommonErrorCode.UnsupportedMediaType, {
      reason: type
        ? `it is ${type.split(';')[0].trim() || 'of no type'}, and this route reads JSON only; send Content-Type: application/json`
        : 'it has no Content-Type, and this route reads JSON only; send Content-Type: application/json',
      contentType: type ?? null,
    }),
  );
}

/** Whether the request carries a body: chunked, or with a length other than zero (as type-is says). */
function hasBody(headers: { 'transfer-encoding'?: string; 'content-length'?: string }): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Any other 4xx of the parser (a gzip body that does not inflate, an aborted or short body) is the
 * caller's: a 400 rather than the 500 an unknown error would become.
 */
function unreadableBody(status: number | undefined): CommonErrorCode | undefined {
  if (status === undefined || status < 400 || status >= 500) return undefined;
  return CommonErrorCode.MalformedJson;
}
