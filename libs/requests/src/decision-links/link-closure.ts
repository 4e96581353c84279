import { AuditEntry } from '@app/audit';
import { RequestOpinion } from '../entities/request-opinion.entity';
import { Request } from '../entities/request.entity';
import { DecisionLink } from './decision-link.entity';
import { linkStateOf } from './link-verbs';

/** Why a link can no longer act. */
export type ClosedReason = 'used' | 'moved-on' | 'answered' | 'expired';

/** A link that can no longer act: why, and what happened instead, by whom and when. */
export interface LinkClosed {
  reason: ClosedReason;
  /** The history event that closed it (`request.approved`, …); null when only time passed. */
  event: string | null;
  /** The state the request went to with that event. */
  toState: string | null;
  /** The person who did it (their id); null for the engine or when only time passed. */
  actorId: string | null;
  at: string;
}

/** What the closure of a link is read from. */
export interface ClosureFacts {
  link: DecisionLink;
  request: Pick<Request, 'state'>;
  /** The request's history, oldest first. */
  history: AuditEntry[];
  /** For an opinion link, the answer its person's party already gave, if any. */
  answered?: RequestOpinion | null;
  now: Date;
}

/**
 * Whether a link is closed, and by what. A link lives until it is used, the request leaves the state
 * it was made for, its party has answered (opinion links), or the decision's due date passes:
 * whichever comes first.
 */
export function closureOf({
  link,
  request,
  history,
  answered,
  now,
}: ClosureFacts): LinkClosed | undefined {
  const state = linkStateOf(link.verb);
  const left = history.find((e) => e.fromState === String(state) && e.toState !== String(state));
  if (link.usedAt) {
    const own = [...history]
      .reverse()
      .find((e) => e.actorId === link.userId && new Date(e.createdAt) >= new Date(link.createdAt));
    return closedBy('used', own ?? left, link.usedAt);
  }
  if (request.state !== state) return closedBy('moved-on', left, now);
  if (answered) {
    const entry = [...history]
      .reverse()
      .find((e) => e.actorId === answered.userId && e.event === 'request.opinion_given');
    return closedBy('answered', entry, answered.createdAt);
  }
  if (link.expiresAt.getTime() <= now.getTime())
    return {
      reason: 'expired',
      event: null,
      toState: null,
      actorId: null,
      at: iso(link.expiresAt),
    };
  return undefined;
}

function closedBy(reason: ClosedReason, entry: AuditEntry | undefined, fallback: Date): LinkClosed {
  return {
    reason,
    event: entry?.event ?? null,
    toState: entry?.toState ?? null,
    actorId: entry?.actorId ?? null,
    at: iso(entry?.createdAt ?? fallback),
  };
}

function iso(date: Date | string): string {
  return new Date(date).toISOString();
}
