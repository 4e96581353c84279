import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { asRow } from '@app/core';
import { IdempotencyKey } from '../entities/idempotency-key.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Remembers the first response to a call made with an `Idempotency-Key`, per user. */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectRepository(IdempotencyKey) private readonly keys: Repository<IdempotencyKey>,
  ) {}

  static hash(body: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex');
  }

  /** The stored response for this key, if any; 422 when the key was used for another body. */
  async replay(userId: string, key: string, requestHash: string): Promise<StoredResponse | null> {
    const stored = await this.keys.findOneBy({ userId, key });
    if (!stored) return null;
    if (stored.requestHash !== requestHash) {
      throw new RequestsException(Code.IdempotencyKeyReused);
    }
    return { status: stored.status, body: stored.body };
  }

  async remember(
    manager: EntityManager,
    userId: string,
    key: string,
    requestHash: string,
    response: StoredResponse,
  ): Promise<void> {
    await manager.insert(
      IdempotencyKey,
      asRow<IdempotencyKey>({ userId, key, requestHash, ...response, createdAt: new Date() }),
    );
  }
}
