import { createHmac, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/core';

/** What stands in for an unset AUDIT_KEY: made once per process, so all its entries agree. */
let processKey: string | undefined;

/** The id of a key: a MAC of a fixed text under it, which tells nothing of the key itself. */
export function auditKeyId(key: string): string {
  return createHmac('sha256', key).update('raci-audit-key-id').digest('hex').slice(0, 16);
}

/**
 * The keys of the history's MACs: `AUDIT_KEY`, which keys every new entry, and the earlier ones of
 * `AUDIT_PREVIOUS_KEYS`, which still verify the entries made under them. Each entry names its key
 * by id. Where AUDIT_KEY is unset (tests), one random key of this process stands in, with a warning:
 * what it keys verifies in this process only.
 */
@Injectable()
export class AuditKeys {
  private readonly logger = new Logger(AuditKeys.name);
  /** The id of AUDIT_KEY. */
  readonly currentId: string;
  /** Whether AUDIT_KEY outlives this process: only then is older history sealed under it. */
  readonly durable: boolean;
  private readonly byId = new Map<string, string>();

  constructor(config: AppConfig) {
    const given = config.env.AUDIT_KEY;
    this.durable = given !== undefined;
    if (!given) {
      this.logger.warn(
        'AUDIT_KEY is not set: the history recorded now verifies in this process only',
      );
    }
    const current = given ?? (processKey ??= randomBytes(32).toString('base64url'));
    this.currentId = auditKeyId(current);
    for (const key of [current, ...config.env.AUDIT_PREVIOUS_KEYS]) {
      if (!this.byId.has(auditKeyId(key))) this.byId.set(auditKeyId(key), key);
    }
  }

  /** Whether an entry keyed under `keyId` can be checked here. */
  has(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  /**
   * The HMAC-SHA-256 (hex) of `fields`, given in a fixed order, under the key `keyId` (AUDIT_KEY's
   * when not given). Throws for a key this process does not have: check `has` first.
   */
  mac(fields: readonly unknown[], keyId = this.currentId): string {
    const key = this.byId.get(keyId);
    if (key === undefined) throw new Error(`audit key ${keyId} is not configured`);
    return createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');
  }
}
