import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Like, Repository } from 'typeorm';
import { AppConfig, decodeSecretsKey } from '@app/core';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** The tag of the one scheme so far: `v1.<key id>.<iv>.<ciphertext>.<GCM tag>`, base64url parts. */
const SCHEME = 'v1';
const IV_BYTES = 12;

/** Thrown when a stored secret cannot be read: another key, or a changed row. */
export class WebhookSecretUnreadableError extends Error {}

/**
 * Webhook signing secrets at rest: AES-256-GCM under SECRETS_KEY, each bound to its endpoint's id
 * (the associated data), so a sealed secret copied to another row does not open. The key id (the
 * first bytes of the key's SHA-256) says which key sealed a row, for a later rotation.
 *
 * Rows written before encryption hold the secret in clear (it starts with `whsec_`). They are read
 * as they are, and sealed at the first start that has SECRETS_KEY, and at their first delivery.
 */
@Injectable()
export class WebhookSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookSecrets.name);
  private readonly key: Buffer;
  private readonly keyId: string;
  /** Whether the key outlives this process: only then are legacy rows sealed. */
  private readonly durable: boolean;

  constructor(
    config: AppConfig,
    @InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>,
  ) {
    const given = config.env.SECRETS_KEY ? decodeSecretsKey(config.env.SECRETS_KEY) : null;
    this.durable = given !== null;
    this.key = given ?? randomBytes(32);
    this.keyId = createHash('sha256').update(this.key).digest('base64url').slice(0, 8);
    if (!this.durable) {
      this.logger.warn(
        'SECRETS_KEY is not set: webhook secrets registered now are readable by this process only',
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.durable) return;
    const legacy = await this.endpoints
      .createQueryBuilder('endpoint')
      .select(['endpoint.id', 'endpoint.secret'])
      .where({ secret: Like('whsec_%') })
      .getMany();
    for (const { id, secret } of legacy) await this.reseal(id, secret);
    if (legacy.length > 0) this.logger.log({ count: legacy.length }, 'webhook secrets encrypted');
  }

  /** The stored form of `secret` for the endpoint `endpointId`. */
  seal(endpointId: string, secret: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(endpointId));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [SCHEME, this.keyId, iv, sealed, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The secret in a stored value: sealed, or still in clear from before encryption. */
  open(endpointId: string, stored: string): string {
    if (!isSealed(stored)) return stored;
    const [, keyId, iv, sealed, tag] = stored.split('.');
    if (keyId !== this.keyId) {
      throw new WebhookSecretUnreadableError(`sealed under key ${keyId}, not SECRETS_KEY`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(endpointId))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(sealed, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      throw new WebhookSecretUnreadableError('the sealed secret does not open');
    }
  }

  /** Seals a secret found in clear, unless another process did it first. */
  async reseal(endpointId: string, stored: string): Promise<void> {
    if (!this.durable || isSealed(stored)) return;
    await this.endpoints.update(
      { id: endpointId, secret: stored },
      { secret: this.seal(endpointId, stored) },
    );
  }
}

/** Whether a stored value is sealed (as opposed to a legacy secret kept in clear). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${SCHEME}.`) && stored.split('.').length === 5;
}
