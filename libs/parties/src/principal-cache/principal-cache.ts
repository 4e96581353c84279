import type { Principal } from '../parties.types';

/** What a cache entry remembers: the principal, whose it is, and until when it may be served. */
interface Entry {
  principal: Principal;
  userId: string | null;
  /** Epoch ms after which the entry is never served: the TTL, or the credential's own end. */
  until: number;
}

/** Where a load began: an invalidation since then means what it read may already be stale. */
export type CacheGeneration = number;

/**
 * Principals by the hash of the credential they were authenticated with, for at most `ttlMs` each,
 * at most `maxEntries` of them (the least recently used go first). Only what worked is kept: a
 * credential that failed is read again every time. A TTL of 0 keeps nothing.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private generation: CacheGeneration = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The principal kept for `key`, if it is still young enough; refreshes its place in the LRU. */
  get(key: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= now) return undefined;
    this.entries.set(key, entry);
    return entry.principal;
  }

  /** Call before reading the database; pass the result to `set`. */
  begin(): CacheGeneration {
    return this.generation;
  }

  /**
   * Keeps a principal read from the database since `begin()`, unless an invalidation came in
   * between (it may have been read before the change committed). `endsAt` caps its life: a
   * session's expiry, say.
   */
  set(key: string, principal: Principal, since: CacheGeneration, endsAt?: Date): void {
    if (this.ttlMs <= 0 || since !== this.generation) return;
    const now = Date.now();
    const until = Math.min(now + this.ttlMs, endsAt?.getTime() ?? Infinity);
    if (until <= now) return;
    this.entries.delete(key);
    this.entries.set(key, { principal, userId: principal.userId, until });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets one credential. */
  dropCredential(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** Forgets every credential of a user: a deactivation, a role change. */
  dropUser(userId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.userId === userId) this.entries.delete(key);
    }
  }

  /** Forgets everything: an invalidation this process could not read. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
