import { Injectable } from '@nestjs/common';
import { type EventMap, JobItem, JobName, OnRequestEvent, RequestEventType } from '@app/core';
import { CHANGE_MATRIX_ACTION } from '../use-cases/change-matrix.action';

type Decided = RequestEventType.Approved | RequestEventType.Rejected | RequestEventType.Cancelled;

const DECISIONS = {
  [RequestEventType.Approved]: 'approved',
  [RequestEventType.Rejected]: 'rejected',
  [RequestEventType.Cancelled]: 'cancelled',
} as const;

/** When a change of the matrix is decided, queues what puts its version in force or discards it. */
@Injectable()
export class CatalogChangeHandler {
  @OnRequestEvent([
    RequestEventType.Approved,
    RequestEventType.Rejected,
    RequestEventType.Cancelled,
  ])
  apply(event: EventMap[Decided]): JobItem[] {
    if (event.action !== CHANGE_MATRIX_ACTION) return [];
    const decision = DECISIONS[event.type];
    return [{ name: JobName.ApplyCatalogChange, data: { requestId: event.requestId, decision } }];
  }
}
