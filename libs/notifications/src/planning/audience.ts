import { RequestEvent, RequestEventType as E, RequestState as S } from '@app/core';
import { RequestVerb } from '@app/requests';

/** Whom a message speaks to, which decides its recipients and its wording. */
export enum Audience {
  ApprovalNeeded = 'approval-needed',
  OpinionRequested = 'opinion-requested',
  WorkAssigned = 'work-assigned',
  Informed = 'informed',
  /** The Accountable organization's admins, when an approval is overdue. */
  Escalation = 'escalation',
}

/** What each audience that is asked to act is asked to do: its people are those who may do it. */
export const VERB_ASKED_OF = {
  [Audience.ApprovalNeeded]: RequestVerb.Approve,
  [Audience.OpinionRequested]: RequestVerb.Opinion,
  [Audience.WorkAssigned]: RequestVerb.Start,
} as const;

/** Events the Informed parties hear of: the submission, every decision, the work and its end. */
const INFORMED_OF: ReadonlySet<E> = new Set([
  E.Submitted,
  E.Approved,
  E.Rejected,
  E.Started,
  E.Completed,
  E.Failed,
  E.Cancelled,
]);

/** Who must act once a request enters a state. */
const ACTION_ON_ENTERING: Partial<Record<S, Audience>> = {
  [S.PendingConsultation]: Audience.OpinionRequested,
  [S.PendingApproval]: Audience.ApprovalNeeded,
  [S.Approved]: Audience.WorkAssigned,
};

/** The audiences of an event, those asked to act first. Comments reach nobody by mail. */
export function audiencesOf(
  event: Pick<RequestEvent, 'type' | 'fromState' | 'toState'>,
): Audience[] {
  // A reminder asks again whoever the request still waits on: its Consulted parties, or its approvers.
  if (event.type === E.ApprovalReminder) {
    return [
      event.toState === S.PendingConsultation ? Audience.OpinionRequested : Audience.ApprovalNeeded,
    ];
  }
  if (event.type === E.Escalated) return [Audience.Escalation];
  // An expired request is news to the Accountable organization's admins, and to everyone Informed.
  if (event.type === E.Expired) return [Audience.Escalation, Audience.Informed];
  const entered = event.fromState !== event.toState ? ACTION_ON_ENTERING[event.toState] : undefined;
  return [
    ...(entered ? [entered] : []),
    ...(INFORMED_OF.has(event.type) ? [Audience.Informed] : []),
  ];
}
