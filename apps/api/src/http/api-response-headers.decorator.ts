import { ApiResponse } from '@nestjs/swagger';
import { API_HEADERS } from './api-headers';

export type HeaderName = keyof typeof API_HEADERS;

const WIRE_NAMES: Record<HeaderName, string> = {
  Location: 'Location',
  ETag: 'ETag',
  Link: 'Link',
  IdempotentReplayed: 'Idempotent-Replayed',
};

/** Documents the convention headers a route's `status` response carries. */
export function ApiResponseHeaders(status: number, ...names: HeaderName[]): MethodDecorator {
  const headers = Object.fromEntries(names.map((name) => [WIRE_NAMES[name], API_HEADERS[name]]));
  return ApiResponse({ status, headers });
}
