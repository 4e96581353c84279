import type { Response } from 'express';
import { AppConfig, DomainException } from '@app/core';
import { AuthFailureCounter, FailureCount } from './auth-failure-counter';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { AuthErrorCode } from './auth.exception';

/** Redis's fixed window, in memory: the window starts at a client's first failure. */
class WindowCounter extends AuthFailureCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  increment(client: string, windowSeconds: number): Promise<FailureCount> {
    const now = Date.now();
    const current = this.windows.get(client);
    const window =
      current && current.endsAt > now ? current : { count: 0, endsAt: now + windowSeconds * 1000 };
    window.count += 1;
    this.windows.set(client, window);
    return Promise.resolve({
      count: window.count,
      secondsLeft: Math.ceil((window.endsAt - now) / 1000),
    });
  }
}

class UnreachableCounter extends AuthFailureCounter {
  calls = 0;
  increment(): Promise<FailureCount> {
    this.calls += 1;
    return Promise.reject(new Error('Connection is closed.'));
  }
}

const config = AppConfig.fromEnv({ AUTH_FAILURE_LIMIT: '3', AUTH_FAILURE_WINDOW_S: '60' });

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => (headers[name] = value),
  } as unknown as Response & { headers: Record<string, string> };
}

describe('AuthFailureLimiter', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('answers 429 with Retry-After once a client goes over the limit, and not before', async () => {
    const limiter = new AuthFailureLimiter(new WindowCounter(), config);
    for (let failure = 1; failure <= 3; failure += 1) {
      expect(await limiter.recordFailure('203.0.113.7', response())).toBeUndefined();
    }
    jest.advanceTimersByTime(10_000);
    const res = response();
    const refusal = await limiter.recordFailure('203.0.113.7', res);
    expect(refusal).toBeInstanceOf(DomainException);
    expect(refusal).toMatchObject({
      status: 429,
      code: AuthErrorCode.TooManyAuthFailures,
      details: { retryAfterSeconds: 50 },
    });
    expect(res.headers['Retry-After']).toBe('50');
  });

  it('keeps counting the failures it refuses, until the window ends', async () => {
    const counter = new WindowCounter();
    const increment = jest.spyOn(counter, 'increment');
    const limiter = new AuthFailureLimiter(counter, config);
    for (let failure = 1; failure <= 5; failure += 1) {
      await limiter.recordFailure('203.0.113.7', response());
    }
    expect(increment).toHaveBeenCalledTimes(5);
    const res = response();
    expect(await limiter.recordFailure('203.0.113.7', res)).toMatchObject({
      code: AuthErrorCode.TooManyAuthFailures,
    });
    expect(res.headers['Retry-After']).toBe('60');

    jest.advanceTimersByTime(60_000);
    expect(limiter.secondsBlocked('203.0.113.7')).toBe(0);
    expect(await limiter.recordFailure('203.0.113.7', response())).toBeUndefined();
  });

  it('keeps refusing the failures of a client it saw go over the limit while Redis is away', async () => {
    const counter = new WindowCounter();
    const limiter = new AuthFailureLimiter(counter, config);
    for (let failure = 1; failure <= 4; failure += 1) {
      await limiter.recordFailure('203.0.113.7', response());
    }
    jest.spyOn(counter, 'increment').mockRejectedValue(new Error('Connection is closed.'));
    jest.advanceTimersByTime(20_000);
    const res = response();
    expect(await limiter.recordFailure('203.0.113.7', res)).toMatchObject({
      code: AuthErrorCode.TooManyAuthFailures,
    });
    expect(res.headers['Retry-After']).toBe('40');
    expect(await limiter.recordFailure('198.51.100.1', response())).toBeUndefined();
  });

  it('counts each client on its own', async () => {
    const limiter = new AuthFailureLimiter(new WindowCounter(), config);
    for (let failure = 1; failure <= 4; failure += 1) {
      await limiter.recordFailure('203.0.113.7', response());
    }
    expect(limiter.secondsBlocked('203.0.113.7')).toBe(60);
    expect(limiter.secondsBlocked('198.51.100.1')).toBe(0);
    expect(await limiter.recordFailure('198.51.100.1', response())).toBeUndefined();
  });

  it('lets requests through when failures cannot be counted (fail open)', async () => {
    const counter = new UnreachableCounter();
    const limiter = new AuthFailureLimiter(counter, config);
    for (let failure = 1; failure <= 10; failure += 1) {
      expect(await limiter.recordFailure('203.0.113.7', response())).toBeUndefined();
    }
    expect(counter.calls).toBe(10);
    expect(limiter.secondsBlocked('203.0.113.7')).toBe(0);
  });
});
