import { RequestVerb as V } from './request-state';
import { nextState } from './request-state-machine';
import { RequestEventType as E, RequestState as S } from '@app/core';

describe('request state machine', () => {
  it('starts with consultation, approval, or the decision itself', () => {
    expect(nextState(null, V.Submit, { hasConsulted: true, decidedBySubmission: true })).toEqual({
      to: S.PendingConsultation,
      event: E.Submitted,
    });
    expect(nextState(null, V.Submit, {}).to).toBe(S.PendingApproval);
    expect(nextState(null, V.Submit, { decidedBySubmission: true }).to).toBe(S.Approved);
  });

  it.each([
    [S.PendingConsultation, V.Opinion, { consultationComplete: false }, S.PendingConsultation],
    [S.PendingConsultation, V.Opinion, { consultationComplete: true }, S.PendingApproval],
    [S.PendingConsultation, V.WaiveConsultation, {}, S.PendingApproval],
    [S.PendingConsultation, V.Reject, {}, S.Rejected],
    [S.PendingApproval, V.Approve, {}, S.Approved],
    [S.PendingApproval, V.Reject, {}, S.Rejected],
    [S.Approved, V.Start, {}, S.InProgress],
    [S.InProgress, V.Complete, {}, S.Completed],
    [S.InProgress, V.Fail, {}, S.Failed],
    [S.PendingApproval, V.Cancel, {}, S.Cancelled],
    [S.Approved, V.Cancel, {}, S.Cancelled],
    [S.Completed, V.Comment, {}, S.Completed],
  ])('%s --%s--> %s', (from, verb, context, to) => {
    expect(nextState(from, verb, context).to).toBe(to);
  });

  it.each([
    [S.PendingConsultation, V.Approve],
    [S.PendingApproval, V.Start],
    [S.Approved, V.Complete],
    [S.InProgress, V.Cancel],
    [S.Completed, V.Fail],
    [S.Rejected, V.Approve],
    [S.Cancelled, V.Start],
    [S.PendingApproval, V.Submit],
  ])('refuses %s --%s-- with 409', (from, verb) => {
    expect(() => nextState(from, verb)).toThrow(
      expect.objectContaining({ status: 409, code: 'REQUEST_INVALID_TRANSITION' }),
    );
  });

  it('has no way out of a final state but comments', () => {
    for (const final of [S.Completed, S.Failed, S.Rejected, S.Cancelled]) {
      for (const verb of Object.values(V).filter((v) => v !== V.Comment)) {
        expect(() => nextState(final, verb)).toThrow(/Cannot/);
      }
    }
  });
});
