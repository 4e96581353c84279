import { z } from 'zod';

/** The matrix, decision links and deadlines. */
export const REQUESTS_ENV = {
  RACI_DIR: z
    .string()
    .min(1)
    .default('config/raci')
    .describe(
      'The matrix files (`*.yaml`), read and checked at start: an invalid matrix stops the start. ' +
        'Stored as catalog version 1 on the first start, and as a new version made by ' +
        '`deployment` whenever they changed (see docs/catalog-versions.md).',
    ),
  CATALOG_POLL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(2_000)
    .describe(
      'How often each process reads the active catalog version from the database (ms), and ' +
        'activates approved versions that fell due: the fallback when a Redis announcement is missed.',
    ),
  LINK_SECRET: z
    .string()
    .min(32, { message: 'must be at least 32 characters long' })
    .optional()
    .describe(
      'Signs the approve/reject links of approval emails and the unsubscribe links of Informed ' +
        'mail; a secret. Every process of a deployment needs the same value. Unset: in the ' +
        'embedded default (no `DATABASE_URL`, not production) made once and kept in ' +
        '`var/secrets/link-secret`, so a restart breaks no link; anywhere else the start is refused.',
    ),
  LINK_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72)
    .describe(
      'How long a decision link works (hours) when its request has no due date; otherwise it works until the due date.',
    ),
  APPROVAL_DEADLINE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .describe(
      'Working days a decision (opinions, then approval) may take when the catalog sets no ' +
        'deadline for the action, whatever the plan: every waiting request has a due date.',
    ),
  DEADLINE_REMINDER_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(1)
    .describe('Working days before a deadline when approvers are reminded.'),
  HOLIDAYS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((day) => day.trim())
        .filter(Boolean),
    )
    .refine((days) => days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day)), {
      message: 'must be YYYY-MM-DD dates, comma-separated',
    })
    .describe(
      'Days off besides weekends for the working-day calendar, as comma-separated YYYY-MM-DD ' +
        'dates, e.g. `2026-12-25,2027-01-01`.',
    ),
};
