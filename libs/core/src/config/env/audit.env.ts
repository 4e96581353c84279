import { z } from 'zod';

/** At least 32 characters, and no comma: AUDIT_PREVIOUS_KEYS lists keys separated by commas. */
const auditKey = z
  .string()
  .min(32, { message: 'must be at least 32 characters long' })
  .refine((value) => !value.includes(','), { message: 'must not contain a comma' });

/** The key of the history's MACs, and the keys it had before. */
export const AUDIT_ENV = {
  AUDIT_KEY: auditKey
    .optional()
    .describe(
      'Keys the HMAC-SHA-256 that chains every history entry and admin audit event, so that no ' +
        'one who can write to the database alone can rewrite the history; a secret, never logged ' +
        'nor stored, the same in every process, and another value than `LINK_SECRET`. Unset: in ' +
        'the embedded default made once and kept in `var/secrets/audit-key`; anywhere else the ' +
        'start is refused. To change it, move the old value to `AUDIT_PREVIOUS_KEYS` (see ' +
        'docs/audit.md).',
    ),
  AUDIT_PREVIOUS_KEYS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(auditKey))
    .describe(
      'Earlier values of `AUDIT_KEY`, separated by commas; secrets, never logged. Entries recorded ' +
        'under them still verify; new entries are always keyed with `AUDIT_KEY`. Drop one only ' +
        'when no entry names it any more.',
    ),
};
