import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { asRow, isUniqueViolation } from '@app/core';
import { IdempotencyKey } from '../entities/idempotency-key.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

/** Who sent a key, where, and what for. */
export interface IdempotentCall {
  userId: string;
  /** Method and path, e.g. `POST /v1/requests/…/approve`. */
  route: string;
  key: string;
  /** SHA-256 of the body, from `IdempotencyService.hash`. */
  requestHash: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Remembers the first response to a call made with an `Idempotency-Key`, per user and route. The
 * key is claimed by inserting its row before the call runs, so two identical calls in flight never
 * both run: the second finds the claim and is refused until the first has answered.
 */
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

  /**
   * Claims the key for this call (null: run it), or the first response to replay. 422 when the key
   * was used for another body, 409 while the first call with it is still running.
   */
  async claim(call: IdempotentCall): Promise<StoredResponse | null> {
    try {
      await this.keys.insert(
        asRow<IdempotencyKey>({
          ...call,
          status: null,
          body: null,
          headers: null,
          createdAt: new Date(),
        }),
      );
      return null;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const { userId, route, key } = call;
    const stored = await this.keys.findOneBy({ userId, route, key });
    if (!stored) throw new RequestsException(Code.IdempotencyKeyInFlight);
    if (stored.requestHash !== call.requestHash) {
      throw new RequestsException(Code.IdempotencyKeyReused);
    }
    if (stored.status === null) throw new RequestsException(Code.IdempotencyKeyInFlight);
    return { status: stored.status, body: stored.body, headers: stored.headers ?? {} };
  }

  /** Stores the call's response, replayed from now on. */
  async remember(call: IdempotentCall, response: StoredResponse): Promise<void> {
    const { userId, route, key } = call;
    await this.keys.update(
      { userId, route, key },
      asRow<IdempotencyKey>({
        status: response.status,
        body: response.body ?? null,
        headers: response.headers,
      }),
    );
  }

  /** The call failed: the key is free again, so the client may retry with it. */
  async release(call: IdempotentCall): Promise<void> {
    const { userId, route, key } = call;
    await this.keys.delete({ userId, route, key, status: IsNull() });
  }
}
