import type { ErrorRequestHandler, RequestHandler } from 'express';
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
 * Body parsing (JSON for the API, URL-encoded for the forms of email links) with a size limit. Parser failures become coded errors here, before Nest would
 * turn them into a generic 400 and lose which problem it was.
 */
export function bodyParsing(): [RequestHandler, RequestHandler, ErrorRequestHandler] {
  const toCodedError: ErrorRequestHandler = (
    error: { type?: string; message?: string; status?: number },
    _req,
    _res,
    next,
  ) => {
    const known = PARSER_ERRORS[error.type ?? ''];
    const code = known ?? unreadableBody(error.status);
    if (!code) return next(error);
    const reason = known
      ? error.message
      : 'it is cut short, or encoded (gzip, deflate) and does not decode';
    const details = code === CommonErrorCode.PayloadTooLarge ? { limit: BODY_LIMIT } : { reason };
    next(new CommonException(code, details));
  };
  return [
    json({ limit: BODY_LIMIT, verify: (_req, _res, raw) => assertJsonDepth(raw) }),
    urlencoded({ extended: false, limit: BODY_LIMIT }),
    toCodedError,
  ];
}

/**
 * Any other 4xx of the parser (a gzip body that does not inflate, an aborted or short body) is the
 * caller's: a 400 rather than the 500 an unknown error would become.
 */
function unreadableBody(status: number | undefined): CommonErrorCode | undefined {
  if (status === undefined || status < 400 || status >= 500) return undefined;
  return CommonErrorCode.MalformedJson;
}
