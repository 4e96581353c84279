import { Role } from '@app/parties';
import { Delegation } from './delegation.entity';

/** A delegation as the API shows it. */
export interface DelegationView {
  id: string;
  organizationId: string;
  delegatorId: string;
  delegateId: string;
  roles: Role[];
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
  endedAt: string | null;
}

export function toDelegationView(d: Delegation): DelegationView {
  const iso = (at: Date) => new Date(at).toISOString();
  return {
    id: d.id,
    organizationId: d.organizationId,
    delegatorId: d.delegatorId,
    delegateId: d.delegateId,
    roles: d.roles,
    startsAt: iso(d.startsAt),
    endsAt: iso(d.endsAt),
    reason: d.reason,
    createdBy: d.createdBy,
    createdAt: iso(d.createdAt),
    endedAt: d.endedAt ? iso(d.endedAt) : null,
  };
}
