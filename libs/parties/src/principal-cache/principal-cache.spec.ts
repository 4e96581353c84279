import { Role } from '../parties.types';
import { CUSTOMER_A, principal } from '../testing/principal.fixture';
import { PrincipalCache } from './principal-cache';

const ADA = '00000000-0000-4000-8000-0000000000a1';
const BOB = '00000000-0000-4000-8000-0000000000b2';
const ada = principal(CUSTOMER_A, [Role.Requester], ADA);
const bob = principal(CUSTOMER_A, [Role.Approver], BOB);

describe('PrincipalCache', () => {
  afterEach(() => jest.useRealTimers());

  it('serves a principal for its TTL, then no longer', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new PrincipalCache(1_000, 10);
    cache.set('token:a', ada, cache.begin());
    jest.setSystemTime(1_000_999);
    expect(cache.get('token:a')).toBe(ada);
    jest.setSystemTime(1_001_000);
    expect(cache.get('token:a')).toBeUndefined();
    // An expired entry is gone, not merely hidden.
    expect(cache.size).toBe(0);
  });

  it("never serves a principal past its credential's own end", () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new PrincipalCache(1_000, 10);
    cache.set('session:a', ada, cache.begin(), new Date(1_000_300));
    jest.setSystemTime(1_000_299);
    expect(cache.get('session:a')).toBe(ada);
    jest.setSystemTime(1_000_300);
    expect(cache.get('session:a')).toBeUndefined();
    cache.set('session:b', ada, cache.begin(), new Date(999_000));
    expect(cache.size).toBe(0);
  });

  it('keeps nothing with a TTL of 0', () => {
    const cache = new PrincipalCache(0, 10);
    cache.set('token:a', ada, cache.begin());
    expect(cache.get('token:a')).toBeUndefined();
  });

  it('keeps at most its bound, dropping the least recently used first', () => {
    const cache = new PrincipalCache(60_000, 3);
    for (const key of ['a', 'b', 'c']) cache.set(key, ada, cache.begin());
    expect(cache.get('a')).toBe(ada);
    cache.set('d', bob, cache.begin());
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([ada, ada, bob]);
  });

  it('forgets one credential, leaving the others of the same user', () => {
    const cache = new PrincipalCache(60_000, 10);
    cache.set('token:a', ada, cache.begin());
    cache.set('session:a', ada, cache.begin());
    cache.dropCredential('token:a');
    expect(cache.get('token:a')).toBeUndefined();
    expect(cache.get('session:a')).toBe(ada);
  });

  it("forgets every credential of a user, and only that user's", () => {
    const cache = new PrincipalCache(60_000, 10);
    cache.set('token:a', ada, cache.begin());
    cache.set('subject:a', ada, cache.begin());
    cache.set('token:b', bob, cache.begin());
    cache.dropUser(ADA);
    expect(cache.get('token:a')).toBeUndefined();
    expect(cache.get('subject:a')).toBeUndefined();
    expect(cache.get('token:b')).toBe(bob);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('does not keep what was read before an invalidation that came in during the read', () => {
    const cache = new PrincipalCache(60_000, 10);
    const since = cache.begin();
    cache.dropUser(ADA);
    cache.set('token:a', ada, since);
    expect(cache.get('token:a')).toBeUndefined();
    cache.set('token:a', ada, cache.begin());
    expect(cache.get('token:a')).toBe(ada);
  });
});
