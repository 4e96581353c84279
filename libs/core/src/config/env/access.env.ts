import { z } from 'zod';

/** The way in, and the limit on failed authentications. */
export const ACCESS_ENV = {
  ADMIN_TOKEN: z
    .string()
    .min(32, { message: 'must be at least 32 characters long' })
    .optional()
    .describe(
      "The bootstrap provider admin's bearer token: the way in before any user exists; a " +
        'secret, never logged. Unset: in the embedded default made once, shown on that start ' +
        'only and kept in `var/secrets/admin-token` (0600); anywhere else the start is refused.',
    ),
  AUTH_FAILURE_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(20)
    .describe(
      'Failed authentications one client IP may make per window before it gets ' +
        '`429 TOO_MANY_AUTH_FAILURES` (every process shares the count in Redis).',
    ),
  AUTH_FAILURE_WINDOW_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(300)
    .describe(
      'The window of `AUTH_FAILURE_LIMIT`, in seconds; a client over the limit waits until it ends.',
    ),
};
