import { KeyObject, sign, verify } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  auditSigningKey,
  type CheckpointPublicJwk,
  parseVerifyingKey,
  publicJwk,
  splitKeyList,
} from '@app/core';

/** A published key, and whether it signs new checkpoints or only checks older ones. */
export interface PublishedCheckpointKey extends CheckpointPublicJwk {
  status: 'current' | 'previous';
}

/** What checking a signature found. */
export type SignatureCheck = 'valid' | 'unknown-key' | 'forged';

/**
 * The Ed25519 keys of the checkpoints: `AUDIT_SIGNING_KEY` signs, and it and the keys of
 * `AUDIT_PREVIOUS_SIGNING_KEYS` check. Each key is named by its RFC 7638 thumbprint.
 */
@Injectable()
export class CheckpointKeys {
  private readonly signingKey: KeyObject;
  private readonly published: PublishedCheckpointKey[];
  private readonly byId = new Map<string, KeyObject>();

  constructor(config: AppConfig) {
    this.signingKey = auditSigningKey(config, new Logger(CheckpointKeys.name));
    const current = { ...publicJwk(this.signingKey), status: 'current' as const };
    this.published = [current];
    this.byId.set(current.kid, this.signingKey);
    for (const text of splitKeyList(config.env.AUDIT_PREVIOUS_SIGNING_KEYS ?? '')) {
      const key = parseVerifyingKey(text);
      if (!key) continue;
      const jwk = publicJwk(key);
      if (this.byId.has(jwk.kid)) continue;
      this.byId.set(jwk.kid, key);
      this.published.push({ ...jwk, status: 'previous' });
    }
  }

  /** The id of the key new checkpoints are signed with. */
  get currentKeyId(): string {
    return this.published[0].kid;
  }

  /** Every public key, the current first. */
  publicKeys(): PublishedCheckpointKey[] {
    return this.published.map((key) => ({ ...key }));
  }

  /** The signature of `statement` with the current key, base64url. */
  sign(statement: string): { keyId: string; signature: string } {
    const signature = sign(null, Buffer.from(statement), this.signingKey).toString('base64url');
    return { keyId: this.currentKeyId, signature };
  }

  /** Whether `signature` (base64url) is that of `statement` by the known key `keyId`. */
  check(statement: string, keyId: string, signature: string): SignatureCheck {
    const key = this.byId.get(keyId);
    if (!key) return 'unknown-key';
    const bytes = Buffer.from(signature, 'base64url');
    if (bytes.length !== 64) return 'forged';
    return verify(null, Buffer.from(statement), key, bytes) ? 'valid' : 'forged';
  }
}
