import { z } from 'zod';
import { booleanFlag } from './env-types';

/** A 32-byte key, written as 64 hex digits or as base64 (standard or URL-safe). */
export function decodeSecretsKey(value: string): Buffer | null {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) return null;
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : null;
}

/** Where webhooks may go, how long they may take, and how much one endpoint may hold up. */
export const WEBHOOKS_ENV = {
  WEBHOOK_ALLOW_PRIVATE: booleanFlag
    .default(false)
    .describe(
      'Lets webhooks reach loopback, private, link-local and other non-public addresses. For ' +
        'development and tests only: on, an organization admin can make the engine call services ' +
        'inside your network. The engine warns at every start while it is on.',
    ),
  WEBHOOK_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(5_000)
    .describe(
      'How long one webhook POST may take, from connecting to the answer’s status line (ms); ' +
        'then the attempt counts as `timeout` and is retried later.',
    ),
  WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(2)
    .describe(
      'POSTs in flight at once to one endpoint, across every worker process. Further ' +
        'deliveries to it wait their turn without holding a worker slot.',
    ),
  WEBHOOK_ORGANIZATION_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(4)
    .describe(
      'POSTs in flight at once to all the endpoints of one organization, across every worker ' +
        'process: keep it below the worker concurrency (16 per process), so that slow endpoints ' +
        'of one organization never hold every slot.',
    ),
  WEBHOOK_FAILURES_BEFORE_PAUSE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(10)
    .describe(
      'Failed attempts in a row after which an endpoint is paused (its circuit breaker opens): ' +
        'nothing more is sent to it until an admin resumes it, and its organization’s admin log ' +
        'records the pause.',
    ),
  WEBHOOK_MAX_PER_ORGANIZATION: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(20)
    .describe(
      'Webhook endpoints one organization may keep; one more answers `409 WEBHOOK_LIMIT_REACHED`.',
    ),
  SECRETS_KEY: z
    .string()
    .refine((value) => decodeSecretsKey(value) !== null, {
      message: 'must be 32 bytes, as 64 hex digits or in base64, e.g. `openssl rand -base64 32`',
    })
    .optional()
    .describe(
      'Encrypts the secrets the engine must keep readable in its database (webhook signing ' +
        'secrets) with AES-256-GCM; a secret, the same in every process. Unset: in the embedded ' +
        'default made once and kept in `var/secrets/secrets-key`; anywhere else the start is ' +
        'refused. Losing it makes every webhook secret unreadable: endpoints must then be ' +
        'registered again.',
    ),
};
