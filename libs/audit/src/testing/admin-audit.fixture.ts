import type { EntityManager } from 'typeorm';
import type { TransactionRunner } from '@app/core';
import type { AdminAuditService } from '../admin/admin-audit.service';

/** A repository as the specs mock it: any of the methods a use case calls through its manager. */
type FakeRepository = Partial<
  Record<'insert' | 'update' | 'save' | 'findOneBy' | 'findBy', (...args: never[]) => unknown>
>;

/**
 * A transaction runner whose manager sends each call to the mock repository of its entity, so a
 * spec can keep asserting on repository mocks once the code moves into a transaction.
 */
export function inOneTransaction(
  repositories: FakeRepository | Map<unknown, FakeRepository>,
): TransactionRunner {
  const manager = fakeManager(repositories);
  return {
    run: (work: (m: unknown) => Promise<unknown>) => work(manager),
  } as unknown as TransactionRunner;
}

/** An entity manager that sends each call to the mock repository of its entity. */
export function fakeManager(
  repositories: FakeRepository | Map<unknown, FakeRepository>,
): EntityManager {
  const repo = (entity: unknown): FakeRepository =>
    repositories instanceof Map ? repositories.get(entity)! : repositories;
  const manager = {
    connection: { options: { type: 'sqlite' } },
    insert: (entity: unknown, row: unknown) => repo(entity).insert!(row as never),
    update: (entity: unknown, where: unknown, set: unknown) =>
      repo(entity).update!(where as never, set as never),
    save: (entity: unknown, row: unknown) => repo(entity).save!(row as never),
    findBy: (entity: unknown, where: unknown) => repo(entity).findBy!(where as never),
    findOneBy: (entity: unknown, where: unknown) => repo(entity).findOneBy!(where as never),
    findOneByOrFail: async (entity: unknown, where: unknown) => {
      const found: unknown = await repo(entity).findOneBy!(where as never);
      if (!found) throw new Error('not found');
      return found;
    },
  };
  return manager as unknown as EntityManager;
}

/** An admin audit log that records nothing: `record` is a mock to assert on. */
export function fakeAdminAudit(): jest.Mocked<Pick<AdminAuditService, 'record' | 'lockChain'>> &
  AdminAuditService {
  return {
    record: jest.fn().mockResolvedValue(undefined),
    lockChain: jest.fn().mockResolvedValue(undefined),
  } as unknown as jest.Mocked<Pick<AdminAuditService, 'record' | 'lockChain'>> & AdminAuditService;
}
