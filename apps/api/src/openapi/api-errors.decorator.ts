import { ApiExtension } from '@nestjs/swagger';
import type { ErrorCode } from './error-codes';

/** The operation extension that carries a route's codes until `documentErrors` turns them into responses. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';

/**
 * The error codes a route itself can answer (its module's refusals: not found, RACI rules, state
 * conflicts), beside the route. The document gets one response per status, its body an
 * `ErrorResponse` whose `code` is one of these. The codes every route shares (authentication,
 * body parsing, validation, an unreachable database) are added by `documentErrors`.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator {
  return ApiExtension(ERROR_CODES_EXTENSION, [...new Set(codes)]) as MethodDecorator;
}

/** The extension of the codes a page route (email links) answers as an HTML page. */
export const HTML_ERROR_CODES_EXTENSION = 'x-html-error-codes';

/** The codes a route that answers people with pages shows as an HTML page, not JSON. */
export function ApiHtmlErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return ApiExtension(HTML_ERROR_CODES_EXTENSION, [...new Set(codes)]);
}
