import { AppConfig } from '@app/core';
import { Role } from '../parties.types';
import { CUSTOMER_A, principal } from '../testing/principal.fixture';
import {
  parseInvalidation,
  principalKey,
  PrincipalCacheService,
  principalsChannel,
} from './principal-cache.service';

const ada = principal(CUSTOMER_A, [Role.Requester]);

describe('PrincipalCacheService', () => {
  it('keeps its channel in the slot of a hash-tagged prefix', () => {
    expect(principalsChannel('raci')).toBe('raci:principals');
    expect(principalsChannel('{raci}')).toBe('{raci}:principals');
  });

  it('keys credentials by a hash, never by the credential itself', () => {
    expect(principalKey.token('ab'.repeat(32))).toBe(`token:${'ab'.repeat(32)}`);
    const key = principalKey.subject('auth0|ada');
    expect(key).toMatch(/^subject:[0-9a-f]{64}$/);
    expect(key).not.toContain('ada');
  });

  it('reads invalidations as published, and nothing else', () => {
    expect(parseInvalidation('{"user":"u-1"}')).toEqual({ user: 'u-1' });
    expect(parseInvalidation('{"credential":"token:ab"}')).toEqual({ credential: 'token:ab' });
    expect(parseInvalidation('{"user":1}')).toBeNull();
    expect(parseInvalidation('not json')).toBeNull();
  });

  it('reads the database on every call with AUTH_CACHE_TTL_MS=0, and opens no connection', async () => {
    const service = new PrincipalCacheService(AppConfig.fromEnv({ AUTH_CACHE_TTL_MS: '0' }));
    const load = jest.fn().mockResolvedValue({ principal: ada });
    expect(await service.principal('token:a', load)).toBe(ada);
    expect(await service.principal('token:a', load)).toBe(ada);
    expect(load).toHaveBeenCalledTimes(2);
    await service.invalidate({ user: 'u-1' });
    expect(service['subscriber']).toBeUndefined();
    expect(service['publisher']).toBeUndefined();
  });

  it('refuses a TTL above one second outside tests', () => {
    expect(() => AppConfig.fromEnv({ AUTH_CACHE_TTL_MS: '1001' })).toThrow(/AUTH_CACHE_TTL_MS/);
    expect(() => AppConfig.fromEnv({ AUTH_CACHE_TTL_MS: '-1' })).toThrow(/AUTH_CACHE_TTL_MS/);
    expect(
      AppConfig.fromEnv({ AUTH_CACHE_TTL_MS: '60000', NODE_ENV: 'test' }).env.AUTH_CACHE_TTL_MS,
    ).toBe(60_000);
    expect(AppConfig.fromEnv({}).env.AUTH_CACHE_TTL_MS).toBe(1_000);
  });
});
