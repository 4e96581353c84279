import { z } from 'zod';
import { urlWithScheme } from './env-types';
import { DIGEST_ENV } from './digest.env';

/** Outgoing mail and the daily digest. */
export const MAIL_ENV = {
  SMTP_URL: urlWithScheme(['smtp', 'smtps'])
    .optional()
    .describe(
      'Outgoing mail, `smtp://user:pass@host:587` or `smtps://user:pass@host:465`, over a pool ' +
        'of `SMTP_POOL_SIZE` connections. Unset: every message is written as an `.eml` file ' +
        'under `MAIL_DIR`.',
    ),
  SMTP_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .describe(
      'SMTP connections per process that sends mail. The mail queue takes twice as many jobs at ' +
        'a time per worker: one on each connection, one reading or settling its delivery.',
    ),
  MAIL_DIR: z
    .string()
    .min(1)
    .default('var/mail')
    .describe('Where messages are written, one `.eml` file each, when `SMTP_URL` is unset.'),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('raci-engine <no-reply@raci-engine.local>')
    .describe('Sender of every message.'),
  ...DIGEST_ENV,
};
