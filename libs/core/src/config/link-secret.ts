import { randomBytes } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from './app-config';

/** What stands in for an unset LINK_SECRET: made once per process, so all its links agree. */
let processSecret: Buffer | undefined;

/**
 * The secret every signed link and cookie of the engine is keyed from (decision, unsubscribe and
 * sign-in links, the SSO transaction): `LINK_SECRET`, or, where it is unset (tests, a lone process
 * outside the embedded default), one random secret of this process. Then `logger` is warned that
 * what it signs works only in this process, in the caller's words (`consequence`).
 */
export function linkSecret(
  config: AppConfig,
  logger: LoggerService | undefined,
  consequence: string,
): Buffer {
  if (config.env.LINK_SECRET) return Buffer.from(config.env.LINK_SECRET);
  logger?.warn(`LINK_SECRET is not set: ${consequence}`);
  return (processSecret ??= randomBytes(32));
}
