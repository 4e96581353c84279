import { z } from 'zod';

/** Whether `zone` is an IANA time zone this Node.js knows (`Europe/Paris`, `UTC`, …). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The daily digest's settings (part of the mail settings). */
export const DIGEST_ENV = {
  DIGEST_HOUR: z.coerce
    .number()
    .int()
    .min(0)
    .max(23)
    .default(8)
    .describe(
      'The local hour (0 to 23, in `DIGEST_TIMEZONE`) at which users who chose a daily digest ' +
        'of their Informed mail get it: one message per user and day.',
    ),
  DIGEST_TIMEZONE: z
    .string()
    .min(1)
    .refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Paris or UTC' })
    .default('UTC')
    .describe(
      'The IANA time zone of `DIGEST_HOUR`, and of the day a digest belongs to, e.g. ' +
        '`Europe/Paris`.',
    ),
};
