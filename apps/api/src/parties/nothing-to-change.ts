import { CommonErrorCode, CommonException } from '@app/core';

/** 400 VALIDATION_FAILED for a PATCH body that names none of the fields it may change. */
export function requireSomeChange(body: object, fields: readonly string[]): void {
  const given = fields.filter((field) => (body as Record<string, unknown>)[field] !== undefined);
  if (given.length === 0) {
    throw new CommonException(CommonErrorCode.ValidationFailed, {
      fields: [{ field: 'body', message: `must change at least one of: ${fields.join(', ')}` }],
    });
  }
}
