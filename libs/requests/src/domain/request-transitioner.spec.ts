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
  const audit = { append: jest.fn() } as unknown as AuditService;
  const request = Object.assign(new Request(), {
    id: '3f0c9a52-8d7e-4b1a-9c2d-5e6f7a8b9c0d',
    state: RequestState.PendingApproval,
    version: 4,
    dueAt: null,
  });
  const change = {
    verb: RequestVerb.Cancel,
    actor: principal(CUSTOMER_A, [Role.Requester]),
    letter: null,
    expectedVersions,
  };
  const outcome = new RequestTransitioner(audit).apply(manager, request, change);
  return { outcome, update };
}

describe('RequestTransitioner and If-Match', () => {
  it('writes against the version If-Match named', async () => {
    const { outcome, update } = cancel(1, [4]);
    // What follows the write (history, outbox) is not this spec's: only the write is looked at.
    await outcome.catch((error: { code?: string }) => expect(error.code).toBeUndefined());
    expect(update.mock.calls[0][1]).toEqual({ id: expect.any(String), version: 4 });
    expect(update.mock.calls[0][2]).toMatchObject({ state: RequestState.Cancelled, version: 5 });
  });

  it('refuses another version with 412 before writing', async () => {
    const { outcome, update } = cancel(1, [3]);
    await expect(outcome).rejects.toMatchObject({ code: Code.PreconditionFailed });
    expect(update).not.toHaveBeenCalled();
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
