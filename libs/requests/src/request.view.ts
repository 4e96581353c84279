import { Party, RaciLetters } from '@app/catalog';
import { AWAITING_DECISION, RequestState } from '@app/core';
import { WaitingOn, waitingOn } from './domain/waiting-on';
import { Opinion } from './entities/request-opinion.entity';
import { Request, RequestResult } from './entities/request.entity';

/** A person, as a request shows who did something. */
export interface PersonView {
  id: string;
  name: string;
  email: string;
}

/** A Consulted party's answer. */
export interface OpinionView {
  party: Party;
  userId: string;
  opinion: Opinion;
  comment: string | null;
  createdAt: string;
}

/** An approval of the request: who gave it, for whom, when, and why it does not count if void. */
export interface ApprovalView {
  /** The user id of the approver. */
  by: string;
  /** The delegator the approver acted for; null when they acted for themselves. */
  onBehalfOf: string | null;
  at: string;
  /** Why the approval does not count (given on other parameters); null when it counts. */
  void: string | null;
}

/** A request as the API shows it. */
export interface RequestView {
  id: string;
  action: string;
  /** The action's title, as the catalog writes it. */
  title: string;
  product: string;
  organizationId: string;
  state: RequestState;
  params: Record<string, unknown>;
  responsible: Party;
  accountable: Party;
  consulted: Party[];
  informed: Party[];
  performer: Party;
  submittedBy: PersonView;
  comment: string | null;
  result: RequestResult | null;
  opinions: OpinionView[];
  /** How many distinct approvers the request needs (its quorum, pinned at submission). */
  approvalsRequired: number;
  /** Its approvals so far, oldest first; those that count are those whose `void` is null. */
  approvals: ApprovalView[];
  /** Who must act next, and why; empty once the request is finished. */
  waitingOn: WaitingOn[];
  /** When the decision it waits for is due; null when it waits for no decision. */
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The catalog version the request was routed under, and keeps to its end. */
  catalogVersion: number;
}

/** What a view adds to the request's row: read from the catalog, the parties and the opinions. */
export interface ViewContext {
  title: string;
  letters: RaciLetters;
  submitter: PersonView;
  opinions: OpinionView[];
  approvals: ApprovalView[];
}

export function toRequestView(request: Request, context: ViewContext): RequestView {
  const awaiting = AWAITING_DECISION.includes(request.state);
  return {
    id: request.id,
    action: request.action,
    title: context.title,
    product: request.product,
    organizationId: request.organizationId,
    state: request.state,
    params: request.params,
    responsible: request.responsible,
    accountable: request.accountable,
    consulted: request.consulted,
    informed: request.informed,
    performer: request.performer,
    submittedBy: context.submitter,
    comment: request.comment,
    result: request.result,
    opinions: context.opinions,
    approvalsRequired: request.approvalsRequired ?? 1,
    approvals: context.approvals,
    waitingOn: waitingOn(
      request,
      context.letters,
      context.opinions.map((opinion) => opinion.party),
    ),
    dueAt: awaiting && request.dueAt ? new Date(request.dueAt).toISOString() : null,
    createdAt: new Date(request.createdAt).toISOString(),
    updatedAt: new Date(request.updatedAt).toISOString(),
    version: request.version,
    catalogVersion: request.catalogVersion,
  };
}
