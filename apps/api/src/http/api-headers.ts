import type { HeaderObject } from '@nestjs/swagger';

/** The response headers the HTTP conventions add, as OpenAPI header objects. */
export const API_HEADERS: Record<
  'Location' | 'ETag' | 'Link' | 'IdempotentReplayed',
  HeaderObject
> = {
  Location: {
    description: 'The URL of the resource the call created',
    schema: { type: 'string', example: '/v1/requests/3f0c9a52-8d7e-4b1a-9c2d-5e6f7a8b9c0d' },
  },
  ETag: {
    description: 'The request’s version as a strong entity tag; send it back as If-Match',
    schema: { type: 'string', example: '"3"' },
  },
  Link: {
    description: 'The next page, `<…>; rel="next"`, when there is one',
    schema: { type: 'string', example: '</v1/requests?limit=50&cursor=WyIy…>; rel="next"' },
  },
  IdempotentReplayed: {
    description: '`true` when the response is the stored first response to this Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
};
