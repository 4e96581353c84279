import { HttpStatus } from '@nestjs/common';
import type { ErrorTable } from './domain.exception';

/** Codes shared by every module: input, auth and infrastructure problems. */
export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  /** A list's `cursor` that is no `nextCursor` the API returned. */
  InvalidCursor = 'INVALID_CURSOR',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** Refused by Node's HTTP parser, before the application sees the request. */
  HeadersTooLarge = 'HEADERS_TOO_LARGE',
  MalformedRequest = 'MALFORMED_REQUEST',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  NotAcceptable = 'NOT_ACCEPTABLE',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  /** The path exists, but not with this method; the `Allow` header lists the methods it has. */
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  /** The database cannot be reached right now; nothing was stored: try again shortly. */
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  InternalError = 'INTERNAL_ERROR',
}

export const COMMON_ERRORS: ErrorTable<CommonErrorCode> = {
  [CommonErrorCode.ValidationFailed]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The request is not valid: {fields}.',
  },
  [CommonErrorCode.MalformedJson]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The body could not be read as JSON: {reason}.',
  },
  [CommonErrorCode.InvalidCursor]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The cursor is not one this API returned.',
  },
  [CommonErrorCode.PayloadTooLarge]: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    message: 'The body is larger than the {limit} the API accepts.',
  },
  [CommonErrorCode.HeadersTooLarge]: {
    status: 431,
    message: 'The request line and headers are too large.',
  },
  [CommonErrorCode.MalformedRequest]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The request could not be parsed as HTTP.',
  },
  [CommonErrorCode.UnsupportedMediaType]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    message: 'The body cannot be read: {reason}.',
  },
  [CommonErrorCode.NotAcceptable]: {
    status: HttpStatus.NOT_ACCEPTABLE,
    message: 'This route cannot answer in {accept}; it offers {offers}.',
  },
  [CommonErrorCode.RouteNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No route answers {method} {path}.',
  },
  [CommonErrorCode.MethodNotAllowed]: {
    status: HttpStatus.METHOD_NOT_ALLOWED,
    message: '{path} does not answer {method}; the Allow header lists the methods it answers.',
  },
  [CommonErrorCode.Unauthenticated]: {
    status: HttpStatus.UNAUTHORIZED,
    message: 'Authentication is required.',
  },
  [CommonErrorCode.Forbidden]: { status: HttpStatus.FORBIDDEN, message: 'This is not allowed.' },
  [CommonErrorCode.TooManyRequests]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: 'Too many requests; try again later.',
  },
  [CommonErrorCode.ServiceUnavailable]: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: 'A service the engine needs is unavailable; try again shortly.',
  },
  [CommonErrorCode.DatabaseUnavailable]: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: 'The database is unavailable; nothing was stored. Try again shortly.',
  },
  [CommonErrorCode.InternalError]: {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    message: 'An unexpected error occurred; quote the request id when reporting it.',
  },
};
