import { JobName, RequestEventType, RequestState } from '@app/core';
import type { EventMap } from '@app/core';
import { CatalogChangeHandler } from './catalog-change.handler';

type Decided = RequestEventType.Approved | RequestEventType.Rejected | RequestEventType.Cancelled;

const eventOf = (type: Decided, action: string) =>
  ({
    id: 'e-1',
    type,
    requestId: 'r-1',
    organizationId: 'org-p',
    action,
    fromState: RequestState.PendingApproval,
    toState: RequestState.Approved,
    dueAt: null,
    actorId: 'u-1',
    actorOrganizationId: 'org-p',
    letter: 'A',
    comment: null,
    occurredAt: '2026-11-30T10:00:00.000Z',
  }) as EventMap[Decided];

describe('CatalogChangeHandler', () => {
  const handler = new CatalogChangeHandler();

  it.each([
    [RequestEventType.Approved, 'approved'],
    [RequestEventType.Rejected, 'rejected'],
    [RequestEventType.Cancelled, 'cancelled'],
  ] as const)('turns %s of a change of the matrix into one job', (type, decision) => {
    expect(handler.apply(eventOf(type, 'catalog.change-matrix'))).toEqual([
      { name: JobName.ApplyCatalogChange, data: { requestId: 'r-1', decision } },
    ]);
  });

  it('queues nothing for any other action', () => {
    expect(
      handler.apply(eventOf(RequestEventType.Approved, 'mariadb.add-read-only-replica')),
    ).toEqual([]);
  });
});
