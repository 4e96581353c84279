import { Injectable } from '@nestjs/common';
import {
  AWAITING_DECISION,
  type EventMap,
  JobItem,
  JobName,
  OnRequestEvent,
  RequestEventType,
} from '@app/core';
import { ApprovalDeadlines } from '../deadlines/approval-deadlines';

/** When a request starts to wait for a decision with a due date, schedules its reminder and deadline. */
@Injectable()
export class DeadlineHandler {
  constructor(private readonly deadlines: ApprovalDeadlines) {}

  @OnRequestEvent([RequestEventType.Submitted])
  schedule(event: EventMap[RequestEventType.Submitted]): JobItem[] {
    if (!event.dueAt || !AWAITING_DECISION.includes(event.toState)) return [];
    const due = new Date(event.dueAt);
    const reminder = this.deadlines.reminderAt(due, new Date());
    const data = { requestId: event.requestId };
    return [
      ...(reminder ? [{ name: JobName.ApprovalReminder, data, runAt: reminder } as const] : []),
      { name: JobName.ApprovalDeadline, data, runAt: due },
    ];
  }
}
