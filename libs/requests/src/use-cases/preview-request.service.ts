import { Injectable } from '@nestjs/common';
import { Party } from '@app/catalog';
import { OrganizationsService, Principal } from '@app/parties';
import { RaciResolver } from '../domain/raci-resolver';
import { RequestVerb } from '../domain/request-state';
import { nextState } from '../domain/request-state-machine';
import { DeciderDirectory, noEligibleDecider } from '../domain/decider-directory';
import { deciderCheck, decidesBySubmission, SubmitInput } from './submit-request.service';
import { RequestState } from '@app/core';

export interface RequestPreview {
  action: string;
  title: string;
  organizationId: string;
  responsible: Party;
  accountable: Party;
  consulted: Party[];
  informed: Party[];
  performer: Party;
  via: string | null;
  initialState: RequestState;
  approvedBySubmission: boolean;
  /** What would refuse the submission though the action and params are fine (nobody to decide). */
  warnings: PreviewWarning[];
}

/** A problem the submission would be refused for, with the code and message it would have. */
export interface PreviewWarning {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Who would be R, A, C, I and who would perform a request, without storing anything. */
@Injectable()
export class PreviewRequestService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly resolver: RaciResolver,
    private readonly deciders: DeciderDirectory,
  ) {}

  async preview(principal: Principal, input: SubmitInput): Promise<RequestPreview> {
    const organization = await this.organizations.resolveRequestOrganization(
      principal,
      input.organizationId,
    );
    const raci = this.resolver.resolve(input.action, input.params, {
      plan: organization.plan!,
      onDemand: organization.onDemand,
    });
    const decided = decidesBySubmission(principal, raci);
    const { to } = nextState(null, RequestVerb.Submit, {
      hasConsulted: raci.consulted.length > 0,
      decidedBySubmission: decided,
    });
    const stuck = decided
      ? []
      : await this.deciders.missing(
          deciderCheck(raci, organization, principal.userId ?? ''),
          raci.consulted,
        );
    return {
      action: raci.action.key,
      title: raci.action.title,
      organizationId: organization.id,
      responsible: raci.responsible,
      accountable: raci.accountable,
      consulted: raci.consulted,
      informed: raci.informed,
      performer: raci.performer,
      via: raci.via ?? null,
      initialState: to,
      approvedBySubmission: decided,
      warnings: stuck.map(noEligibleDecider).map(({ code, message, details }) => ({
        code,
        message,
        details,
      })),
    };
  }
}
