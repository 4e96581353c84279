import { HttpStatus } from '@nestjs/common';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { json, urlencoded } from 'express';
import { CommonErrorCode, CommonException } from '@app/core';

/** Largest JSON body accepted; larger ones get 413 before any code runs. */
export const BODY_LIMIT = '64kb';

/** What body-parser's error types mean to a caller. */
const PARSER_ERRORS: Record<string, { code: CommonErrorCode; status: number }> = {
  'entity.too.large': {
    code: CommonErrorCode.PayloadTooLarge,
    status: HttpStatus.PAYLOAD_TOO_LARGE,
  },
  'entity.parse.failed': { code: CommonErrorCode.MalformedJson, status: HttpStatus.BAD_REQUEST },
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
    error: { type?: string; message?: string },
    _req,
    _res,
    next,
  ) => {
    const known = PARSER_ERRORS[error.type ?? ''];
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
    json({ limit: BODY_LIMIT }),
    urlencoded({ extended: false, limit: BODY_LIMIT }),
    toCodedError,
  ];
}
