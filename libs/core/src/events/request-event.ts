import { RequestState } from './request-state';

/** Every event of a request: what the requests module announces, and every other module reads. */
export enum RequestEventType {
  Submitted = 'request.submitted',
  OpinionGiven = 'request.opinion_given',
  ConsultationWaived = 'request.consultation_waived',
  /** An approval short of the request's quorum: the request still waits for other approvers. */
  ApprovalRecorded = 'request.approval_recorded',
  Approved = 'request.approved',
  Rejected = 'request.rejected',
  Started = 'request.started',
  Completed = 'request.completed',
  Failed = 'request.failed',
  Cancelled = 'request.cancelled',
  Commented = 'request.commented',
  Expired = 'request.expired',
  /** Not state changes: the engine reminds the approvers, then escalates, as a deadline nears and passes. */
  ApprovalReminder = 'request.approval_reminder',
  Escalated = 'request.escalated',
}
export const REQUEST_EVENT_TYPES: readonly RequestEventType[] = Object.values(RequestEventType);

/**
 * What every change of a request announces: written to the outbox in the transaction of the change,
 * relayed after commit, and carried by the jobs it fans out to.
 */
export interface RequestEvent {
  /** The outbox row's id: a stable id for deduplicating deliveries. */
  id: string;
  type: RequestEventType;
  requestId: string;
  organizationId: string;
  action: string;
  fromState: RequestState | null;
  toState: RequestState;
  /** When the decision the request waits for is due, if it waits for one. */
  dueAt: string | null;
  actorId: string | null;
  actorOrganizationId: string;
  letter: string | null;
  /**
   * The comment, reason or opinion given with the transition, if any (an internal comment makes no
   * event at all).
   */
  comment: string | null;
  /** On an escalation of a request nobody left can decide: the decisions it lacks somebody for. */
  stuck?: StuckDecision[];
  occurredAt: string;
}

/**
 * A decision a waiting request has nobody left to take, and who to add so it can: carried as data,
 * so that each recipient reads it in their own language.
 */
export interface StuckDecision {
  verb: 'approve' | 'opinion';
  party: string;
  /** The roles any one of which would let a user of the organization take it. */
  roles: string[];
  organization: string;
}

/**
 * The event map: each event by name, with what its handlers receive. Every event of a request has
 * the same shape today; the map is where one that differs is declared.
 */
export type EventMap = { [Type in RequestEventType]: RequestEvent & { type: Type } };
