import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Catalog } from '@app/catalog';
import { EntityManager } from 'typeorm';
import { AppConfig, isUniqueViolation, RequestState, TransactionRunner } from '@app/core';
import { Principal } from '@app/parties';
import { authorizeWithDelegations } from '../domain/delegated-policy';
import { HeldDelegations } from '../delegations/held-delegations';
import { findVisibleRequest } from '../domain/request-scope';
import { requirePersonalCredential } from '../domain/personal-credential.policy';
import { requireStepUp } from '../domain/step-up.policy';
import { RequestVerb as V } from '../domain/request-state';
import { TransitionContext } from '../domain/request-state-machine';
import { assertExpectedVersion, ExpectedVersions } from '../domain/version-precondition';
import { Change, RequestTransitioner } from '../domain/request-transitioner';
import { alreadyApproved, Approver, recordApproval } from '../domain/approval-quorum';
import { Opinion, RequestOpinion } from '../entities/request-opinion.entity';
import { Request, RequestResult } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestView } from '../request.view';
import { RequestViews } from '../views/request-views.service';

export type TransitionVerb =
  V.Opinion | V.WaiveConsultation | V.Approve | V.Reject | V.Start | V.Complete | V.Fail | V.Cancel;

export interface TransitionInput {
  /** approve, opinion: a comment; reject, fail, cancel, waive-consultation: the reason. */
  text?: string;
  opinion?: Opinion;
  /** complete: what was done, as text or as a JSON object, stored and returned as given. */
  result?: RequestResult;
  /** The versions `If-Match` named, if it did. */
  expectedVersions?: ExpectedVersions;
}

/** Applies one verb to a request, after the RACI policy has allowed it. */
@Injectable()
export class TransitionRequestService {
  constructor(
    private readonly catalog: Catalog,
    private readonly transactions: TransactionRunner,
    private readonly transitioner: RequestTransitioner,
    private readonly events: EventEmitter2,
    private readonly views: RequestViews,
    private readonly config: AppConfig,
    private readonly delegations: HeldDelegations,
  ) {}

  async act(
    principal: Principal,
    id: string,
    verb: TransitionVerb,
    input: TransitionInput,
  ): Promise<RequestView> {
    try {
      // The view is read on the transaction's connection: once committed, the answer needs no other.
      const { view, event } = await this.transactions.run(async (manager) => {
        const request = await findVisibleRequest(manager, principal, id);
        // Whose credential it is comes first: nobody decides as someone else, whatever their roles.
        requirePersonalCredential(verb, principal);
        // Their own roles first; else, for a decision, a delegation they hold now.
        const held = principal.userId
          ? await this.delegations.of([principal.userId], new Date(), manager)
          : [];
        const { letter, onBehalfOf } = authorizeWithDelegations(
          verb,
          principal,
          {
            ...request,
            letters: (await this.catalog.at(request.catalogVersion)).lettersOf(request.action),
          },
          held,
        );
        requireStepUp(verb, principal, this.config);
        assertExpectedVersion(request.version, input.expectedVersions);
        if (verb === V.Approve && request.state === RequestState.PendingConsultation) {
          throw await consultationPending(manager, request);
        }
        const change: Change = {
          verb,
          actor: principal,
          onBehalfOf,
          letter,
          comment: historyText(verb, input),
          patch: verb === V.Complete ? { result: input.result ?? null } : undefined,
          expectedVersions: input.expectedVersions,
        };
        change.context =
          verb === V.Opinion
            ? await this.recordOpinion(manager, request, principal, input)
            : verb === V.Approve && request.state === RequestState.PendingApproval
              ? await recordApproval(manager, request, approverOf(change))
              : {};
        // Read before the history's log is taken, so it is held for the writes alone.
        const view = await this.views.prepare([request], manager);
        const event = await this.transitioner.apply(manager, request, change);
        return { view: view()[0], event };
      });
      this.events.emit(event.type, event);
      return view;
    } catch (error) {
      if (verb === V.Opinion && isUniqueViolation(error)) throw opinionAlreadyGiven();
      // The same person approving twice at once: the second waits for the first's row, then fails.
      if (verb === V.Approve && isUniqueViolation(error)) throw alreadyApproved();
      throw error;
    }
  }

  /** Stores the party's answer and tells whether every Consulted party has now answered. */
  private async recordOpinion(
    manager: EntityManager,
    request: Request,
    principal: Principal,
    input: TransitionInput,
  ): Promise<TransitionContext> {
    const answered = await manager.findBy(RequestOpinion, { requestId: request.id });
    if (answered.some((o) => o.party === principal.party)) throw opinionAlreadyGiven();
    await manager.insert(RequestOpinion, {
      id: randomUUID(),
      requestId: request.id,
      party: principal.party,
      userId: principal.userId!,
      opinion: input.opinion!,
      comment: input.text ?? null,
      createdAt: new Date(),
    });
    const parties = new Set([...answered.map((o) => o.party), principal.party]);
    return { consultationComplete: request.consulted.every((party) => parties.has(party)) };
  }
}

/** Who approves, as the change says: the actor, for the delegator it names if it does. */
function approverOf(change: Change): Approver {
  return { userId: change.actor.userId!, onBehalfOf: change.onBehalfOf ?? null };
}

/** Approving too early: which Consulted parties are still awaited, and how to go on without them. */
async function consultationPending(
  manager: EntityManager,
  request: Request,
): Promise<RequestsException> {
  const answered = new Set(
    (await manager.findBy(RequestOpinion, { requestId: request.id })).map((o) => o.party),
  );
  const awaited = request.consulted.filter((party) => !answered.has(party));
  return new RequestsException(Code.ConsultationPending, { id: request.id, awaited });
}

function opinionAlreadyGiven(): RequestsException {
  return new RequestsException(Code.OpinionAlreadyGiven);
}

function historyText(verb: TransitionVerb, input: TransitionInput): string | null {
  if (verb === V.Opinion)
    return input.text ? `${input.opinion}: ${input.text}` : (input.opinion ?? null);
  return input.text ?? null;
}
