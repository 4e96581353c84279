import { z } from 'zod';

/** `true`/`false` (or `1`/`0`), as environment variables spell a switch. */
export const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * A URL whose scheme is one of `schemes`. The schemes are also kept as metadata (`x-schemes`), so
 * the configuration reference can say what is accepted.
 */
export const urlWithScheme = (schemes: string[]) =>
  z
    .string()
    .refine((value) => schemes.some((scheme) => value.startsWith(`${scheme}://`)), {
      message: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    })
    .refine((value) => URL.canParse(value), { message: 'is not a valid URL' })
    .meta({ 'x-schemes': schemes });
