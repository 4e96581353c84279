import { Audience as A, audiencesOf } from './audience';
import { RequestEventType as E, RequestState as S } from '@app/core';

describe('audiencesOf', () => {
  it.each([
    [E.Submitted, null, S.PendingApproval, [A.ApprovalNeeded, A.Informed]],
    [E.Submitted, null, S.PendingConsultation, [A.OpinionRequested, A.Informed]],
    [E.Submitted, null, S.Approved, [A.WorkAssigned, A.Informed]],
    [E.OpinionGiven, S.PendingConsultation, S.PendingConsultation, []],
    [E.OpinionGiven, S.PendingConsultation, S.PendingApproval, [A.ApprovalNeeded]],
    [E.ConsultationWaived, S.PendingConsultation, S.PendingApproval, [A.ApprovalNeeded]],
    [E.Approved, S.PendingApproval, S.Approved, [A.WorkAssigned, A.Informed]],
    [E.Rejected, S.PendingApproval, S.Rejected, [A.Informed]],
    [E.Started, S.Approved, S.InProgress, [A.Informed]],
    [E.Completed, S.InProgress, S.Completed, [A.Informed]],
    [E.Failed, S.InProgress, S.Failed, [A.Informed]],
    [E.Cancelled, S.Approved, S.Cancelled, [A.Informed]],
    [E.Commented, S.Approved, S.Approved, []],
    [E.ApprovalReminder, S.PendingApproval, S.PendingApproval, [A.ApprovalNeeded]],
    [E.ApprovalReminder, S.PendingConsultation, S.PendingConsultation, [A.OpinionRequested]],
    [E.Escalated, S.PendingApproval, S.PendingApproval, [A.Escalation]],
    [E.Expired, S.PendingApproval, S.Expired, [A.Escalation, A.Informed]],
  ])('%s (%s → %s) reaches %j', (type, fromState, toState, audiences) => {
    expect(audiencesOf({ type, fromState, toState })).toEqual(audiences);
  });
});
