import type { EntityManager } from 'typeorm';
import { advisoryLockKey, lockUntilCommit } from './transaction-lock';

function managerOn(type: string): { manager: EntityManager; query: jest.Mock } {
  const query = jest.fn().mockResolvedValue([]);
  const manager = { connection: { options: { type } }, query } as unknown as EntityManager;
  return { manager, query };
}

describe('lockUntilCommit', () => {
  it('takes a transaction-scoped advisory lock on PostgreSQL, keyed by the name', async () => {
    const { manager, query } = managerOn('postgres');
    await lockUntilCommit(manager, 'quota:org-1:data-masking');
    expect(query).toHaveBeenCalledWith('SELECT pg_advisory_xact_lock($1::bigint)', [
      advisoryLockKey('quota:org-1:data-masking'),
    ]);
  });

  it('takes nothing on SQLite, whose transactions already run one at a time', async () => {
    const { manager, query } = managerOn('better-sqlite3');
    await lockUntilCommit(manager, 'quota:org-1:data-masking');
    expect(query).not.toHaveBeenCalled();
  });
});

describe('advisoryLockKey', () => {
  it('is the same for the same name, different for different names, and a signed 64-bit integer', () => {
    const key = advisoryLockKey('quota:org-1:data-masking');
    expect(advisoryLockKey('quota:org-1:data-masking')).toBe(key);
    expect(advisoryLockKey('quota:org-2:data-masking')).not.toBe(key);
    const value = BigInt(key);
    expect(value >= -(2n ** 63n) && value < 2n ** 63n).toBe(true);
  });
});
