import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
} from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from './app-config';

/** A public key of the checkpoints as a JWK (RFC 8037), named by its RFC 7638 thumbprint. */
export interface CheckpointPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** What stands in for an unset AUDIT_SIGNING_KEY: made once per process. */
let processKey: KeyObject | undefined;

/** PEM text as written, or base64 of the DER bytes. */
function asKeyInput(text: string): { key: string | Buffer; format: 'pem' | 'der' } {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return { key: trimmed, format: 'pem' };
  return { key: Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), format: 'der' };
}

/** An Ed25519 private key (PKCS#8 PEM, or base64 of its DER), or null when `text` is none. */
export function parseSigningKey(text: string): KeyObject | null {
  try {
    const { key, format } = asKeyInput(text);
    const parsed =
      format === 'pem'
        ? createPrivateKey(key)
        : createPrivateKey({ key: key as Buffer, format, type: 'pkcs8' });
    return parsed.asymmetricKeyType === 'ed25519' ? parsed : null;
  } catch {
    return null;
  }
}

/** The Ed25519 public key `text` gives: a public key (SPKI) or a private key, PEM or base64 DER. */
export function parseVerifyingKey(text: string): KeyObject | null {
  const privateKey = parseSigningKey(text);
  if (privateKey) return createPublicKey(privateKey);
  try {
    const { key, format } = asKeyInput(text);
    const parsed =
      format === 'pem'
        ? createPublicKey(key)
        : createPublicKey({ key: key as Buffer, format, type: 'spki' });
    return parsed.asymmetricKeyType === 'ed25519' ? parsed : null;
  } catch {
    return null;
  }
}

/** The keys of `AUDIT_PREVIOUS_SIGNING_KEYS`: comma-separated, each PEM or base64 DER. */
export function splitKeyList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** A new Ed25519 private key, as base64 of its PKCS#8 DER: what the embedded default keeps. */
export function makeSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/** The public JWK of an Ed25519 key (public or private), its `kid` the RFC 7638 thumbprint. */
export function publicJwk(key: KeyObject): CheckpointPublicJwk {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  // RFC 7638: the required members only, in lexicographic order, without white space.
  const thumbprint = JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x });
  const kid = createHash('sha256').update(thumbprint).digest('base64url');
  return { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
}

/**
 * The key checkpoints are signed with: `AUDIT_SIGNING_KEY`, or, where it is unset (tests, a lone
 * process outside the embedded default), one random key of this process. Then `logger` is warned
 * that its checkpoints can be checked only against the keys this process publishes.
 */
export function auditSigningKey(config: AppConfig, logger: LoggerService | undefined): KeyObject {
  const configured = config.env.AUDIT_SIGNING_KEY;
  const key = configured ? parseSigningKey(configured) : null;
  if (key) return key;
  logger?.warn(
    'AUDIT_SIGNING_KEY is not set: audit checkpoints are signed with a key of this process only',
  );
  return (processKey ??= generateKeyPairSync('ed25519').privateKey);
}
