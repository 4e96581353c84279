import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { TransactionRunner } from '@app/core';
import { Organization, OrganizationsService, Principal, Role } from '@app/parties';
import { ApprovalDeadlines } from '../deadlines/approval-deadlines';
import { DeciderCheck, DeciderDirectory, noEligibleDecider } from '../domain/decider-directory';
import { RaciAssignment, RaciResolver } from '../domain/raci-resolver';
import { paramsHash } from '../domain/params-hash';
import { RequestQuota } from '../domain/request-quota';
import { RequestVerb } from '../domain/request-state';
import { RequestTransitioner } from '../domain/request-transitioner';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestView } from '../request.view';
import { CHANGE_MATRIX_ACTION } from './change-matrix.action';
import { RequestViews } from '../views/request-views.service';

export interface SubmitInput {
  action: string;
  params: Record<string, unknown>;
  organizationId?: string;
  comment?: string;
}

const DECIDED_BY_SUBMISSION =
  'Submitted by an approver of the Accountable party: the catalog makes the submission the decision.';

/**
 * Submits a request: resolves its RACI parties, checks plan and params, that somebody besides the
 * submitter could decide it, and the quota; stores it once.
 */
@Injectable()
export class SubmitRequestService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly resolver: RaciResolver,
    private readonly quota: RequestQuota,
    private readonly transactions: TransactionRunner,
    private readonly transitioner: RequestTransitioner,
    private readonly events: EventEmitter2,
    private readonly deadlines: ApprovalDeadlines,
    private readonly views: RequestViews,
    private readonly deciders: DeciderDirectory,
  ) {}

  async submit(principal: Principal, input: SubmitInput): Promise<RequestView> {
    if (input.action === CHANGE_MATRIX_ACTION) {
      throw new RequestsException(Code.ActionProposedAsChange, { title: 'Change the RACI matrix' });
    }
    if (!principal.roles.includes(Role.Requester) || !principal.userId) {
      throw new RequestsException(Code.RoleRequired);
    }
    // The provider with it, in the same statement: the check of who could decide needs both.
    const { organization, organizations } = await this.organizations.resolveRequestParties(
      principal,
      input.organizationId,
    );
    return await this.submitIn(principal, organization, input, organizations);
  }

  /**
   * Submits in an organization the caller already resolved: the engine's own requests (a change of
   * the matrix is the provider's), through the same checks, transition, history and outbox.
   * `organizations`: the request's and the provider's, if the caller read them already.
   */
  async submitIn(
    principal: Principal,
    organization: Organization,
    input: SubmitInput,
    organizations?: Organization[],
  ): Promise<RequestView> {
    if (!principal.roles.includes(Role.Requester) || !principal.userId) {
      throw new RequestsException(Code.RoleRequired);
    }
    const userId = principal.userId;
    const raci = this.resolver.resolve(input.action, input.params, {
      plan: organization.plan!,
      onDemand: organization.onDemand,
    });
    const decided = decidesBySubmission(principal, raci);
    const stuck = decided
      ? []
      : await this.deciders.missing(
          deciderCheck(raci, organization, userId),
          raci.consulted,
          organizations,
        );
    if (stuck.length > 0) throw noEligibleDecider(stuck[0]);
    // The view is read on the transaction's connection: once committed, the answer needs no other.
    const { view, event } = await this.transactions.run(async (manager) => {
      await this.quota.assertWithin(manager, raci.action, organization, new Date());
      const request = newRequest(raci, organization, userId, input);
      request.dueAt = decided ? null : this.deadlines.dueAt(raci.action, new Date());
      // Read before the history's log is taken, so it is held for the writes alone; a new request
      // has no opinion and no approval yet.
      const view = await this.views.prepare([request], manager, { opinions: [], approvals: [] });
      const event = await this.transitioner.apply(manager, request, {
        verb: RequestVerb.Submit,
        actor: principal,
        letter: decided ? 'A' : null,
        context: { hasConsulted: raci.consulted.length > 0, decidedBySubmission: decided },
        comment: decided ? DECIDED_BY_SUBMISSION : (input.comment ?? null),
      });
      return { view: view()[0], event };
    });
    this.events.emit(event.type, event);
    return view;
  }
}

/**
 * The Accountable party's own approver submitting an action the catalog marks as decided by
 * submission, with nobody to consult first and no quorum of several approvers to gather.
 */
export function decidesBySubmission(principal: Principal, raci: RaciAssignment): boolean {
  return (
    raci.action.approvedBySubmission &&
    raci.consulted.length === 0 &&
    raci.approvalsRequired === 1 &&
    principal.party === raci.accountable &&
    principal.roles.includes(Role.Approver)
  );
}

/** What the check of who could decide reads of a request about to be submitted. */
export function deciderCheck(
  raci: RaciAssignment,
  organization: Organization,
  submittedBy: string,
): DeciderCheck {
  const { accountable, consulted, responsible, performer } = raci;
  const letters = raci.action.raci;
  const organizationId = organization.id;
  const approvalsRequired = raci.approvalsRequired;
  return {
    ...{ accountable, consulted, responsible, performer, submittedBy, letters },
    ...{ organizationId, approvalsRequired },
  };
}

function newRequest(
  raci: RaciAssignment,
  organization: Organization,
  userId: string,
  input: SubmitInput,
): Request {
  return Object.assign(new Request(), {
    id: randomUUID(),
    action: raci.action.key,
    product: raci.action.product,
    organizationId: organization.id,
    params: input.params,
    paramsHash: paramsHash(input.params),
    approvalsRequired: raci.approvalsRequired,
    responsible: raci.responsible,
    accountable: raci.accountable,
    consulted: raci.consulted,
    informed: raci.informed,
    performer: raci.performer,
    catalogVersion: raci.catalogVersion,
    submittedBy: userId,
    comment: input.comment ?? null,
    result: null,
    dueAt: null,
  });
}
