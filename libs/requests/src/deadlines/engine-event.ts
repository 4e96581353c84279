import { createHash } from 'node:crypto';
import { RequestEvent, RequestEventType, StuckDecision } from '@app/core';
import { Request } from '../entities/request.entity';

/**
 * An event the engine raises itself about a request (a reminder, an escalation). Its id follows
 * from the request, the event and its cause (none: the deadline), so a job that raises it twice
 * writes it to the outbox once.
 */
export function engineEvent(
  request: Request,
  type: RequestEventType,
  {
    cause,
    comment = null,
    stuck,
  }: { cause?: string; comment?: string | null; stuck?: StuckDecision[] } = {},
): RequestEvent {
  return {
    id: stableUuid(cause ? `${request.id}.${type}.${cause}` : `${request.id}.${type}`),
    type,
    requestId: request.id,
    organizationId: request.organizationId,
    action: request.action,
    fromState: request.state,
    toState: request.state,
    dueAt: request.dueAt ? new Date(request.dueAt).toISOString() : null,
    actorId: null,
    actorOrganizationId: request.organizationId,
    letter: null,
    comment,
    ...(stuck ? { stuck } : {}),
    occurredAt: new Date().toISOString(),
  };
}

/** A UUID-shaped id derived from a name: the same name always gives the same id. */
function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
