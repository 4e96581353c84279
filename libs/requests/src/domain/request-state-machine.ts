import { RequestsException } from '../requests.exception';
import { RequestState as S, RequestVerb as V } from './request-state';

/** The event a transition records and announces. */
export enum RequestEventType {
  Submitted = 'request.submitted',
  OpinionGiven = 'request.opinion_given',
  ConsultationWaived = 'request.consultation_waived',
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

interface Rule {
  from: readonly S[];
  event: RequestEventType;
}

const BEFORE_WORK = [S.PendingConsultation, S.PendingApproval, S.Approved] as const;

/** For each verb, the states it may start from and the event it records. */
const RULES: Record<Exclude<V, V.Submit>, Rule> = {
  [V.Opinion]: { from: [S.PendingConsultation], event: RequestEventType.OpinionGiven },
  [V.WaiveConsultation]: {
    from: [S.PendingConsultation],
    event: RequestEventType.ConsultationWaived,
  },
  [V.Approve]: { from: [S.PendingApproval], event: RequestEventType.Approved },
  [V.Reject]: {
    from: [S.PendingConsultation, S.PendingApproval],
    event: RequestEventType.Rejected,
  },
  [V.Start]: { from: [S.Approved], event: RequestEventType.Started },
  [V.Complete]: { from: [S.InProgress], event: RequestEventType.Completed },
  [V.Fail]: { from: [S.InProgress], event: RequestEventType.Failed },
  [V.Cancel]: { from: BEFORE_WORK, event: RequestEventType.Cancelled },
  [V.Comment]: { from: Object.values(S), event: RequestEventType.Commented },
  [V.Expire]: { from: [S.PendingConsultation, S.PendingApproval], event: RequestEventType.Expired },
};

export interface TransitionContext {
  /** For an opinion: whether it is the last Consulted party to answer. */
  consultationComplete?: boolean;
  /** For a submission: whether consultation is needed, and whether the submission is the decision. */
  hasConsulted?: boolean;
  decidedBySubmission?: boolean;
}

/**
 * The request's state machine: every state change of every request is decided here, and only here.
 * Returns the next state and the event, or throws 409 when the verb does not apply in this state.
 */
export function nextState(
  state: S | null,
  verb: V,
  context: TransitionContext = {},
): { to: S; event: RequestEventType } {
  if (verb === V.Submit) {
    if (state !== null) throw RequestsException.invalidTransition(verb, state);
    const to = context.hasConsulted
      ? S.PendingConsultation
      : context.decidedBySubmission
        ? S.Approved
        : S.PendingApproval;
    return { to, event: RequestEventType.Submitted };
  }
  const rule = RULES[verb];
  if (state === null || !rule.from.includes(state))
    throw RequestsException.invalidTransition(verb, state);
  return { to: target(state, verb, context), event: rule.event };
}

function target(state: S, verb: Exclude<V, V.Submit>, context: TransitionContext): S {
  switch (verb) {
    case V.Opinion:
      return context.consultationComplete ? S.PendingApproval : state;
    case V.WaiveConsultation:
      return S.PendingApproval;
    case V.Approve:
      return S.Approved;
    case V.Reject:
      return S.Rejected;
    case V.Start:
      return S.InProgress;
    case V.Complete:
      return S.Completed;
    case V.Fail:
      return S.Failed;
    case V.Cancel:
      return S.Cancelled;
    case V.Comment:
      return state;
    case V.Expire:
      return S.Expired;
  }
}
