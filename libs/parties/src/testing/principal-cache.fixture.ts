import type { PrincipalCacheService } from '../principal-cache/principal-cache.service';

/** A principal cache that keeps nothing and records invalidations: for unit tests, no Redis. */
export function passThroughPrincipalCache(): jest.Mocked<
  Pick<PrincipalCacheService, 'principal' | 'invalidate'>
> &
  PrincipalCacheService {
  const fake = {
    principal: jest.fn(async (_key: string, load: () => Promise<{ principal: unknown } | null>) => {
      return (await load())?.principal ?? null;
    }),
    invalidate: jest.fn(() => Promise.resolve()),
  };
  return fake as unknown as jest.Mocked<Pick<PrincipalCacheService, 'principal' | 'invalidate'>> &
    PrincipalCacheService;
}
