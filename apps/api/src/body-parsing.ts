import { HttpStatus } from '@nestjs/common';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { json, urlencoded } from 'express';
import { CommonErrorCode, CommonException } from '@app/core';
import { assertJsonDepth } from './json-depth';

/** Largest JSON body accepted; larger ones get 413 before any code runs. */
export const BODY_LIMIT = '64kb';

/** What body-parser's error types mean to a caller. */
const PARSER_ERRORS: Record<string, { code: CommonErrorCode; status: number }> = {
  'entity.too.large': {
    code: CommonErrorCode.PayloadTooLarge,
    status: HttpStatus.PAYLOAD_TOO_LARGE,
  },
  'entity.parse.failed': { code: CommonErrorCode.MalformedJson, status: HttpStatus.BAD_REQUEST },
  'entity.too.deep': { code: CommonErrorCode.MalformedJson, status: HttpStatus.BAD_REQUEST },
  'encoding.unsupported': {
    code: CommonErrorCode.UnsupportedMediaType,
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  },
  'charset.unsupported': {
    code: CommonErrorCode.UnsupportedMediaType,
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  },
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
    const known = PARSER_ERRORS[error.type ?? ''] ?? unreadableBody(error.status);
    next(
      known
        ? CommonException.of(
            known.code,
            known.status,
            error.message ?? 'The request body could not be read.',
          )
        : error,
    );
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
function unreadableBody(
  status: number | undefined,
): { code: CommonErrorCode; status: number } | undefined {
  if (status === undefined || status < 400 || status >= 500) return undefined;
  return { code: CommonErrorCode.MalformedJson, status: HttpStatus.BAD_REQUEST };
}
