import { AuditEntry } from '@app/audit';
import { RequestState as S } from '@app/core';
import { Opinion, RequestOpinion } from '../entities/request-opinion.entity';
import { DecisionLink } from './decision-link.entity';
import { closureOf } from './link-closure';
import { linkStateOf } from './link-verbs';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 10, minutes));
const link = (over: Partial<DecisionLink> = {}): DecisionLink => ({
  id: 'l',
  requestId: 'r',
  userId: 'u1',
  verb: 'approve',
  expiresAt: at(50),
  usedAt: null,
  createdAt: at(0),
  ...over,
});
const entry = (over: Partial<AuditEntry>): AuditEntry =>
  ({
    event: 'request.submitted',
    fromState: null,
    toState: S.PendingApproval,
    actorId: 's',
    createdAt: at(0),
    ...over,
  }) as AuditEntry;
const submitted = entry({});

describe('closureOf', () => {
  it('keeps a link open while the request waits in its state, before the due date', () => {
    expect(
      closureOf({
        link: link(),
        request: { state: S.PendingApproval },
        history: [submitted],
        now: at(10),
      }),
    ).toBeUndefined();
  });

  it('closes it once the request moved on, saying by what and whom', () => {
    const approved = entry({
      event: 'request.approved',
      fromState: S.PendingApproval,
      toState: S.Approved,
      actorId: 'u2',
      createdAt: at(5),
    });
    expect(
      closureOf({
        link: link(),
        request: { state: S.Approved },
        history: [submitted, approved],
        now: at(10),
      }),
    ).toEqual({
      reason: 'moved-on',
      event: 'request.approved',
      toState: S.Approved,
      actorId: 'u2',
      at: at(5).toISOString(),
    });
  });

  it('closes a used link, naming its own decision', () => {
    const rejected = entry({
      event: 'request.rejected',
      fromState: S.PendingApproval,
      toState: S.Rejected,
      actorId: 'u1',
      createdAt: at(7),
    });
    expect(
      closureOf({
        link: link({ verb: 'reject', usedAt: at(7) }),
        request: { state: S.Rejected },
        history: [submitted, rejected],
        now: at(9),
      }),
    ).toMatchObject({ reason: 'used', event: 'request.rejected', actorId: 'u1' });
  });

  it("closes an opinion link once its party answered, and any link at the decision's due date", () => {
    const consulting = { state: S.PendingConsultation };
    const answer = { userId: 'u3', opinion: Opinion.Agree, createdAt: at(3) } as RequestOpinion;
    expect(
      closureOf({
        link: link({ verb: 'agree' }),
        request: consulting,
        history: [submitted],
        answered: answer,
        now: at(4),
      }),
    ).toMatchObject({ reason: 'answered', actorId: null, at: at(3).toISOString() });
    expect(
      closureOf({
        link: link({ verb: 'disagree' }),
        request: consulting,
        history: [submitted],
        now: at(50),
      }),
    ).toMatchObject({ reason: 'expired', at: at(50).toISOString() });
  });

  it('makes links only for states where the table of who acts allows their verb', () => {
    expect(linkStateOf('approve')).toBe(S.PendingApproval);
    expect(linkStateOf('agree')).toBe(S.PendingConsultation);
  });
});
