import type { EntityManager } from 'typeorm';
import type { AuditService } from '@app/audit';
import { RequestState } from '@app/core';
import { Role } from '@app/parties';
import { CUSTOMER_A, principal } from '../../../parties/src/testing/principal.fixture';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code } from '../requests.exception';
import { RequestVerb } from './request-state';
import { RequestTransitioner } from './request-transitioner';

/** A request at version 4, cancelled by its submitter; `affected` is what the locked update finds. */
function cancel(affected: number, expectedVersions?: number[]) {
  const update = jest.fn().mockResolvedValue({ affected });
  const manager = { update, insert: jest.fn() } as unknown as EntityManager;
  const append = jest.fn().mockResolvedValue({ seq: 5, hash: 'e'.repeat(64) });
  const audit = { append } as unknown as AuditService;
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
  return { outcome, update, append };
}

describe('RequestTransitioner and If-Match', () => {
  it('writes against the version If-Match named', async () => {
    const { outcome, update } = cancel(1, [4]);
    // What follows the write (history, outbox) is not this spec's: only the write is looked at.
    await outcome.catch((error: { code?: string }) => expect(error.code).toBeUndefined());
    expect(update.mock.calls[0][1]).toEqual({
      id: expect.any(String),
      version: 4,
      auditHash: 'd'.repeat(64),
    });
    expect(update.mock.calls[0][2]).toMatchObject({ state: RequestState.Cancelled, version: 5 });
  });

  it("chains the entry to the row's head and writes the new head with the row", async () => {
    const { outcome, update, append } = cancel(1);
    await outcome.catch(() => undefined);
    expect(append.mock.calls[0][3]).toEqual({ seq: 4, hash: 'd'.repeat(64) });
    expect(update.mock.calls[0][2]).toMatchObject({ auditSeq: 5, auditHash: 'e'.repeat(64) });
  });

  it('refuses another version with 412 before writing', async () => {
    const { outcome, update, append } = cancel(1, [3]);
    await expect(outcome).rejects.toMatchObject({ code: Code.PreconditionFailed });
    expect(update).not.toHaveBeenCalled();
    expect(append).not.toHaveBeenCalled();
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
