import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT = 'http:idempotent';

/**
 * A state-changing POST that honours `Idempotency-Key`: the first response to a key is stored, per
 * user and route, and replayed with `Idempotent-Replayed: true`.
 */
export function Idempotent(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Up to 255 printable ASCII characters. Replaying the same key (same user, same route) ' +
        'returns the first response with `Idempotent-Replayed: true`; the same key with another ' +
        'body answers 422 IDEMPOTENCY_KEY_REUSED, and 409 IDEMPOTENCY_KEY_IN_FLIGHT while the ' +
        'first call is still running.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    }),
  );
}
