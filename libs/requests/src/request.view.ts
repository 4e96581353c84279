import { Party } from '@app/catalog';
import { Request } from './entities/request.entity';
import { RequestState } from '@app/core';

/** A request as the API shows it. */
export interface RequestView {
  id: string;
  action: string;
  product: string;
  organizationId: string;
  state: RequestState;
  params: Record<string, unknown>;
  responsible: Party;
  accountable: Party;
  consulted: Party[];
  informed: Party[];
  performer: Party;
  submittedBy: string;
  comment: string | null;
  result: Record<string, unknown> | null;
  /** When the approval is due (working days), if a deadline applies. */
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toRequestView(request: Request): RequestView {
  return {
    id: request.id,
    action: request.action,
    product: request.product,
    organizationId: request.organizationId,
    state: request.state,
    params: request.params,
    responsible: request.responsible,
    accountable: request.accountable,
    consulted: request.consulted,
    informed: request.informed,
    performer: request.performer,
    submittedBy: request.submittedBy,
    comment: request.comment,
    result: request.result,
    dueAt: request.dueAt ? new Date(request.dueAt).toISOString() : null,
    createdAt: new Date(request.createdAt).toISOString(),
    updatedAt: new Date(request.updatedAt).toISOString(),
    version: request.version,
  };
}
