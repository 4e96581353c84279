import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, EntryAuthentication } from '@app/audit';
import { asRow, AWAITING_DECISION, RequestEvent } from '@app/core';
import { Principal } from '@app/parties';
import { writeToOutbox } from '../outbox/outbox-writer';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb } from './request-state';
import { nextState, TransitionContext } from './request-state-machine';
import { assertExpectedVersion, ExpectedVersions } from './version-precondition';

export interface Change {
  verb: RequestVerb;
  actor: Principal;
  letter: string | null;
  context?: TransitionContext;
  /** Text recorded in the history (reason, opinion, public comment). */
  comment?: string | null;
  /** Other columns the change sets (a result, …). */
  patch?: Partial<Pick<Request, 'result'>>;
  /** The versions `If-Match` named: another one, even one written meanwhile, answers 412. */
  expectedVersions?: ExpectedVersions;
}

/**
 * The one path by which a request changes: the state machine decides the next state, then, in the
 * caller's transaction, the row is written (refused if another change won the race), the history
 * entry appended and the outbox row added. The caller emits the returned event after commit.
 */
@Injectable()
export class RequestTransitioner {
  constructor(private readonly audit: AuditService) {}

  async apply(manager: EntityManager, request: Request, change: Change): Promise<RequestEvent> {
    const from = change.verb === RequestVerb.Submit ? null : request.state;
    const { to, event: type } = nextState(from, change.verb, change.context);
    const at = new Date();
    if (from === null) {
      await manager.insert(
        Request,
        asRow<Request>({ ...request, state: to, version: 1, createdAt: at, updatedAt: at }),
      );
    } else {
      assertExpectedVersion(request.version, change.expectedVersions);
      const updated = await manager.update(
        Request,
        { id: request.id, version: request.version },
        asRow<Request>({ ...change.patch, state: to, version: request.version + 1, updatedAt: at }),
      );
      if (!updated.affected) {
        throw change.expectedVersions
          ? new RequestsException(Code.PreconditionFailed, { version: request.version + 1 })
          : new RequestsException(Code.VersionConflict);
      }
    }
    const version = from === null ? 1 : request.version + 1;
    Object.assign(
      request,
      change.patch,
      { state: to, version, updatedAt: at },
      from === null ? { createdAt: at } : {},
    );
    const comment = change.comment ?? null;
    const actorOrganizationId = change.actor.organizationId;
    await this.audit.append(
      manager,
      {
        requestId: request.id,
        organizationId: request.organizationId,
        actorId: change.actor.userId,
        actorOrganizationId,
        letter: change.letter,
        event: type,
        fromState: from,
        toState: to,
        comment,
        authentication: recordedAuthentication(change.actor),
      },
      at,
      { first: from === null },
    );
    const event: RequestEvent = {
      id: randomUUID(),
      type,
      requestId: request.id,
      organizationId: request.organizationId,
      action: request.action,
      fromState: from,
      toState: to,
      dueAt:
        AWAITING_DECISION.includes(to) && request.dueAt
          ? new Date(request.dueAt).toISOString()
          : null,
      actorId: change.actor.userId,
      actorOrganizationId,
      letter: change.letter,
      comment,
      occurredAt: at.toISOString(),
    };
    await writeToOutbox(manager, event);
    return event;
  }
}

/** How the actor authenticated, as the history keeps it; null when the engine acts by itself. */
function recordedAuthentication({ credential }: Principal): EntryAuthentication | null {
  if (!credential) return null;
  const { kind, id, issuer, method, acr, amr, authTime } = credential;
  return { kind, id, issuer, method, acr, amr: [...amr], authTime };
}
