import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '@app/core';
import { AuthFailureCounter } from './auth-failure-counter';
import { AuthErrorCode, AuthException } from './auth.exception';

/** At most one warning per minute while Redis is unavailable, not one per failed request. */
const WARN_EVERY_MS = 60_000;

/**
 * Slows down token guessing: past AUTH_FAILURE_LIMIT failed authentications from one client IP in
 * AUTH_FAILURE_WINDOW_S, every further failure from that client gets 429 instead of 401 until the
 * window ends. Only failures are refused: a credential that works is served whatever its address
 * has done, so one failing script behind a NAT does not lock out everyone sharing its address.
 *
 * A refused attempt is verified and counted like any other, so 429 says no more than 401 would:
 * the credential did not work. Only failures reach Redis. When Redis is unavailable failures are
 * not counted (fail open), except that a client this process saw go over the limit keeps getting
 * 429 until its window ends; authentication itself still refuses every bad credential.
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly logger = new Logger(AuthFailureLimiter.name);
  private readonly blockedUntil = new Map<string, number>();
  private lastWarning = 0;

  constructor(
    private readonly counter: AuthFailureCounter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts one failed authentication. Returns the 429 to answer if the client is over the limit,
   * or undefined when the usual 401 (or link page) should be answered.
   */
  async recordFailure(
    client: string | undefined,
    res: Response,
  ): Promise<AuthException | undefined> {
    const key = client ?? '';
    const { AUTH_FAILURE_LIMIT: limit, AUTH_FAILURE_WINDOW_S: window } = this.config.env;
    try {
      const { count, secondsLeft } = await this.counter.increment(key, window);
      if (count <= limit) return undefined;
      this.block(key, secondsLeft);
      return this.refusal(secondsLeft, res);
    } catch (error) {
      this.warnUncounted(error);
      const seconds = this.secondsBlocked(key);
      return seconds > 0 ? this.refusal(seconds, res) : undefined;
    }
  }

  /** Seconds `client` must still wait, from what this process has seen (no Redis round trip). */
  secondsBlocked(client: string): number {
    const until = this.blockedUntil.get(client);
    if (until === undefined) return 0;
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left > 0) return left;
    this.blockedUntil.delete(client);
    return 0;
  }

  private block(client: string, seconds: number): void {
    this.forgetExpired();
    this.blockedUntil.set(client, Date.now() + seconds * 1000);
  }

  /** Keeps the map as small as the set of clients blocked right now. */
  private forgetExpired(): void {
    const now = Date.now();
    for (const [client, until] of this.blockedUntil) {
      if (until <= now) this.blockedUntil.delete(client);
    }
  }

  private refusal(seconds: number, res: Response): AuthException {
    res.setHeader('Retry-After', String(seconds));
    return new AuthException(AuthErrorCode.TooManyAuthFailures, { retryAfterSeconds: seconds });
  }

  private warnUncounted(error: unknown): void {
    if (Date.now() - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn(
      `authentication failures are not being counted (Redis: ${(error as Error).message})`,
    );
  }
}
