import { Injectable } from '@nestjs/common';
import { Party } from '@app/catalog';
import { OrganizationsService, Principal } from '@app/parties';
import { RaciResolver } from '../domain/raci-resolver';
import { RequestVerb } from '../domain/request-state';
import { nextState } from '../domain/request-state-machine';
import { decidesBySubmission, SubmitInput } from './submit-request.service';
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
}

/** Who would be R, A, C, I and who would perform a request, without storing anything. */
@Injectable()
export class PreviewRequestService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly resolver: RaciResolver,
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
    };
  }
}
