import { RequestEventType } from './request-state-machine';
import { RequestState } from './request-state';

/** What every transition announces, after commit, and keeps in the outbox. */
export interface RequestEvent {
  /** The outbox row's id: a stable id for deduplicating deliveries. */
  id: string;
  type: RequestEventType;
  requestId: string;
  organizationId: string;
  action: string;
  fromState: RequestState | null;
  toState: RequestState;
  actorId: string | null;
  actorOrganizationId: string;
  letter: string | null;
  /** The comment, reason or opinion given with the transition, if any (internal comments: none). */
  comment: string | null;
  occurredAt: string;
}
