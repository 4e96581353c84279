import { RequestEventType, RequestState as S } from '@app/core';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb as V } from './request-state';
import { WHO_ACTS } from './who-acts.table';

/** The event each verb records. */
const EVENT_OF: Record<V, RequestEventType> = {
  [V.Submit]: RequestEventType.Submitted,
  [V.Opinion]: RequestEventType.OpinionGiven,
  [V.WaiveConsultation]: RequestEventType.ConsultationWaived,
  [V.Approve]: RequestEventType.Approved,
  [V.Reject]: RequestEventType.Rejected,
  [V.Start]: RequestEventType.Started,
  [V.Complete]: RequestEventType.Completed,
  [V.Fail]: RequestEventType.Failed,
  [V.Cancel]: RequestEventType.Cancelled,
  [V.Comment]: RequestEventType.Commented,
  [V.Expire]: RequestEventType.Expired,
};

export interface TransitionContext {
  /** For an opinion: whether it is the last Consulted party to answer. */
  consultationComplete?: boolean;
  /** For a submission: whether consultation is needed, and whether the submission is the decision. */
  hasConsulted?: boolean;
  decidedBySubmission?: boolean;
  /** For an approval: whether it is the one that reaches the request's quorum (absent: it is). */
  quorumReached?: boolean;
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
  if (!WHO_ACTS[verb].from.includes(state)) {
    throw new RequestsException(Code.InvalidTransition, {
      verb,
      state: state ?? 'not submitted',
    });
  }
  // An approval short of the quorum is recorded; the request keeps waiting for the others.
  if (verb === V.Approve && context.quorumReached === false) {
    return { to: S.PendingApproval, event: RequestEventType.ApprovalRecorded };
  }
  return { to: target(state, verb, context), event: EVENT_OF[verb] };
}

function target(state: S | null, verb: V, context: TransitionContext): S {
  switch (verb) {
    case V.Submit:
      return context.hasConsulted
        ? S.PendingConsultation
        : context.decidedBySubmission
          ? S.Approved
          : S.PendingApproval;
    case V.Opinion:
      return context.consultationComplete ? S.PendingApproval : S.PendingConsultation;
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
      return state!;
    case V.Expire:
      return S.Expired;
  }
}
