import { z } from 'zod';
import { ACCESS_ENV } from './env/access.env';
import { AUDIT_CHECKPOINTS_ENV } from './env/audit-checkpoints.env';
import { AUDIT_ENV } from './env/audit.env';
import { DATABASE_ENV } from './env/database.env';
import { MAIL_ENV } from './env/mail.env';
import { METRICS_ENV } from './env/metrics.env';
import { QUEUE_ENV } from './env/queue.env';
import { REQUESTS_ENV } from './env/requests.env';
import { SERVER_ENV } from './env/server.env';
import { SIGN_IN_ENV } from './env/sign-in.env';
import { WEBHOOKS_ENV } from './env/webhooks.env';

/**
 * Every environment variable the engine reads, validated once at boot, grouped by concern in
 * `env/`. Anything not listed is ignored; anything listed with a wrong value stops the start.
 *
 * Each variable's description is its `.describe()` text, and nowhere else: `npm run docs:config`
 * writes docs/configuration.md from this schema (keys, types, defaults and descriptions), and CI
 * fails when that file is stale or a variable has no description.
 */
export const envSchema = z.object({
  ...SERVER_ENV,
  ...METRICS_ENV,
  ...DATABASE_ENV,
  ...QUEUE_ENV,
  ...MAIL_ENV,
  ...REQUESTS_ENV,
  ...ACCESS_ENV,
  ...AUDIT_ENV,
  ...SIGN_IN_ENV,
  ...WEBHOOKS_ENV,
  ...AUDIT_CHECKPOINTS_ENV,
});

export type Env = z.infer<typeof envSchema>;
