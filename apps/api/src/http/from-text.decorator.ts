import { Transform } from 'class-transformer';

/**
 * Converts a query or body value sent as text to a number or a date, and leaves any other value
 * as it came for the validators to refuse. class-transformer's own `@Type(() => Number)` converts
 * whatever arrives, and converting an object such as `{"toString": ""}` throws, which would answer
 * a 500 instead of a 400.
 */
export function FromText(to: NumberConstructor | DateConstructor): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (to === Number) return typeof value === 'string' ? Number(value) : value;
    return typeof value === 'string' ? new Date(value) : value;
  });
}
