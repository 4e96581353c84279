import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AuditEntry, AuditService, ChainHead, EntryAuthentication } from '@app/audit';
import {
  asRow,
  AWAITING_DECISION,
  isUniqueViolation,
  RequestEvent,
  RequestState,
  StatementBatch,
} from '@app/core';
import { Principal } from '@app/parties';
import { outboxInsert } from '../outbox/outbox-writer';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb } from './request-state';
import { nextState, TransitionContext } from './request-state-machine';
import { assertExpectedVersion, ExpectedVersions } from './version-precondition';

export interface Change {
  verb: RequestVerb;
  actor: Principal;
  /** The delegator the actor decides for, through a delegation they hold; null in their own right. */
  onBehalfOf?: string | null;
  letter: string | null;
  context?: TransitionContext;
  /** Text recorded in the history (reason, opinion, public comment). */
  comment?: string | null;
  /** Other columns the change sets (a result, …). */
  patch?: Partial<Pick<Request, 'result'>>;
  /** The versions `If-Match` named: another one, even one written meanwhile, answers 412. */
  expectedVersions?: ExpectedVersions;
}

/** The verbs that decide: their entries record what they were decided on. */
const DECISIONS: ReadonlySet<RequestVerb> = new Set([
  RequestVerb.Submit,
  RequestVerb.Opinion,
  RequestVerb.WaiveConsultation,
  RequestVerb.Approve,
  RequestVerb.Reject,
]);

/**
 * The one path by which a request changes: the state machine decides the next state, then, in the
 * caller's transaction, the history entry is appended, the row written with its new head (refused
 * if another change won the race) and the outbox row added. So every change bumps `version` and
 * appends one entry: the history's last `seq` is the row's `version` and `audit_seq`. The caller
 * emits the returned event after commit.
 */
@Injectable()
export class RequestTransitioner {
  constructor(private readonly audit: AuditService) {}

  async apply(manager: EntityManager, request: Request, change: Change): Promise<RequestEvent> {
    const from = change.verb === RequestVerb.Submit ? null : request.state;
    const { to, event: type } = nextState(from, change.verb, change.context);
    if (from !== null) assertExpectedVersion(request.version, change.expectedVersions);
    const at = new Date();
    const comment = change.comment ?? null;
    const actorOrganizationId = change.actor.organizationId;
    // The history first: its entry's MAC is the head the row keeps, written with the row below.
    // Its writes, the outbox row and the row's own go as one batch: one round trip on PostgreSQL.
    const batch = new StatementBatch(manager);
    const entry = await this.record(batch, manager, request, change, {
      from,
      to,
      type,
      comment,
      at,
    });
    const head = { auditSeq: entry.seq, auditHash: entry.hash };
    const version = from === null ? 1 : request.version + 1;
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
    batch.add(outboxInsert(manager, event).updateEntity(false));
    // The row last: what the batch answers is whether it was written.
    batch.add(
      from === null
        ? insertRequest(manager, {
            ...request,
            ...head,
            state: to,
            version,
            createdAt: at,
            updatedAt: at,
          })
        : // Refused if another change won the race, or the history was sealed since the row was read.
          manager
            .createQueryBuilder()
            .update(Request)
            .set(asRow<Request>({ ...change.patch, ...head, state: to, version, updatedAt: at }))
            .where({
              id: request.id,
              version: request.version,
              auditHash: request.auditHash ?? IsNull(),
            })
            .updateEntity(false),
    );
    const written = await batch.run().catch((error: unknown) => {
      // The entry's place in the request's history already taken: another change won.
      if (from !== null && isUniqueViolation(error)) throw raceLost(change, request.version);
      throw error;
    });
    if (from !== null && !written) throw raceLost(change, request.version);
    Object.assign(
      request,
      change.patch,
      head,
      { state: to, version, updatedAt: at },
      from === null ? { createdAt: at } : {},
    );
    return event;
  }

  /** Appends the change's history entry to the batch, after the head the row keeps. */
  private record(
    batch: StatementBatch,
    manager: EntityManager,
    request: Request,
    change: Change,
    step: {
      from: RequestState | null;
      to: RequestState;
      type: string;
      comment: string | null;
      at: Date;
    },
  ): Promise<AuditEntry> {
    const { from, to, type, comment, at } = step;
    return this.audit.appendIn(
      batch,
      manager,
      {
        requestId: request.id,
        organizationId: request.organizationId,
        actorId: change.actor.userId,
        actorOrganizationId: change.actor.organizationId,
        onBehalfOf: change.onBehalfOf ?? null,
        letter: change.letter,
        event: type,
        fromState: from,
        toState: to,
        comment,
        authentication: recordedAuthentication(change.actor),
        ...decidedOn(request, change.verb),
      },
      at,
      previousEntry(request, from === null),
    );
  }
}

/** The new request's row, every column given: nothing to read back after the insert. */
function insertRequest(manager: EntityManager, row: Request) {
  return manager
    .createQueryBuilder()
    .insert()
    .into(Request)
    .values(asRow<Request>(row))
    .updateEntity(false);
}

/** What a change that lost the race to another answers: 412 where If-Match named a version. */
function raceLost(change: Change, version: number): RequestsException {
  return change.expectedVersions
    ? new RequestsException(Code.PreconditionFailed, { version: version + 1 })
    : new RequestsException(Code.VersionConflict);
}

/**
 * The entry a change's entry follows: none for a new request, the head its row keeps, or, for a
 * request recorded before rows kept heads and not sealed yet, its last entry, read.
 */
function previousEntry(request: Request, created: boolean): ChainHead | null | 'read' {
  if (created) return null;
  if (!request.auditSeq || !request.auditHash) return 'read';
  return { seq: request.auditSeq, hash: request.auditHash };
}

/** What a decision is made on: the parameters' hash and the catalog version; nothing otherwise. */
function decidedOn(
  request: Request,
  verb: RequestVerb,
): { paramsHash: string | null; catalogVersion: number | null } {
  if (!DECISIONS.has(verb)) return { paramsHash: null, catalogVersion: null };
  return { paramsHash: request.paramsHash ?? null, catalogVersion: request.catalogVersion };
}

/** How the actor authenticated, as the history keeps it; null when the engine acts by itself. */
function recordedAuthentication({ credential }: Principal): EntryAuthentication | null {
  if (!credential) return null;
  const { kind, id, issuer, method, acr, amr, authTime } = credential;
  return { kind, id, issuer, method, acr, amr: [...amr], authTime };
}
