import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponseHeaders, HeaderName } from './api-response-headers.decorator';

export const LOCATION_TEMPLATE = 'http:location-template';

/**
 * A route answering 201: its `Location` is `template` with each `{name}` replaced by that field
 * of the response body and each `:name` by that route parameter, e.g. `/v1/requests/{id}`.
 */
export function Created(template: string, ...more: HeaderName[]): MethodDecorator {
  return applyDecorators(
    SetMetadata(LOCATION_TEMPLATE, template),
    ApiResponseHeaders(201, 'Location', 'IdempotentReplayed', ...more),
  );
}
