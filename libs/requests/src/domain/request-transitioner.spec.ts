import type { EntityManager } from 'typeorm';
import type { AuditService } from '@app/audit';
import { RequestState } from '@app/core';
import { Role } from '@app/parties';
import { CUSTOMER_A, principal } from '../../../parties/src/testing/principal.fixture';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code } from '../requests.exception';
import { RequestVerb } from './request-state';
import { RequestTransitioner } from './request-transitioner';

/** A stand-in for TypeORM's query builders: records what each statement sets and matches. */
function builders() {
  const statements: { kind: string; set?: unknown; where?: unknown }[] = [];
  const createQueryBuilder = () => {
    const statement: { kind: string; set?: unknown; where?: unknown } = { kind: '' };
    statements.push(statement);
    const builder = {
      insert: () => ((statement.kind = 'insert'), builder),
      orIgnore: () => builder,
      update: () => ((statement.kind = 'update'), builder),
      into: () => builder,
      values: (values: unknown) => ((statement.set = values), builder),
      set: (values: unknown) => ((statement.set = values), builder),
      where: (where: unknown) => ((statement.where = where), builder),
      updateEntity: () => builder,
      getQueryAndParameters: () => [statement.kind, []],
    };
    return builder;
  };
  return { statements, createQueryBuilder };
}

/** A request at version 4, cancelled by its submitter; `affected` is what the locked update finds. */
function cancel(affected: number, expectedVersions?: number[]) {
  const { statements, createQueryBuilder } = builders();
  const query = jest.fn().mockResolvedValue({ affected });
  const manager = {
    connection: { options: { type: 'postgres' } },
    queryRunner: { query },
    createQueryBuilder,
  } as unknown as EntityManager;
  const appendIn = jest.fn().mockResolvedValue({ seq: 5, hash: 'e'.repeat(64) });
  const audit = { appendIn } as unknown as AuditService;
  const request = Object.assign(new Request(), {
    id: '3f0c9a52-8d7e-4b1a-9c2d-5e6f7a8b9c0d',
    state: RequestState.PendingApproval,
    version: 4,
    auditSeq: 4,
    auditHash: 'd'.repeat(64),
    dueAt: null,
  });
  const change = {
    verb: RequestVerb.Cancel,
    actor: principal(CUSTOMER_A, [Role.Requester]),
    letter: null,
    expectedVersions,
  };
  const outcome = new RequestTransitioner(audit).apply(manager, request, change);
  /** The row's own write: the last statement of the batch. */
  const update = () => statements[statements.length - 1];
  return { outcome, update, appendIn, query };
}

describe('RequestTransitioner and If-Match', () => {
  it('writes against the version If-Match named', async () => {
    const { outcome, update, query } = cancel(1, [4]);
    await outcome;
    // The outbox row and the row's own write, sent together.
    expect(query).toHaveBeenCalledTimes(1);
    expect(update()).toEqual({
      kind: 'update',
      where: { id: expect.any(String), version: 4, auditHash: 'd'.repeat(64) },
      set: expect.objectContaining({ state: RequestState.Cancelled, version: 5 }),
    });
  });

  it("chains the entry to the row's head and writes the new head with the row", async () => {
    const { outcome, update, appendIn } = cancel(1);
    await outcome;
    expect(appendIn.mock.calls[0][4]).toEqual({ seq: 4, hash: 'd'.repeat(64) });
    expect(update().set).toMatchObject({ auditSeq: 5, auditHash: 'e'.repeat(64) });
  });

  it('refuses another version with 412 before writing', async () => {
    const { outcome, query, appendIn } = cancel(1, [3]);
    await expect(outcome).rejects.toMatchObject({ code: Code.PreconditionFailed });
    expect(query).not.toHaveBeenCalled();
    expect(appendIn).not.toHaveBeenCalled();
  });

  it('answers 412, not 409, when a change won the race between the read and the write', async () => {
    await expect(cancel(0, [4]).outcome).rejects.toMatchObject({
      code: Code.PreconditionFailed,
    });
    await expect(cancel(0).outcome).rejects.toMatchObject({
      code: Code.VersionConflict,
    });
  });
});
