import { Injectable } from '@nestjs/common';
import { AdminAction, AdminAuditService } from '@app/audit';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DelegationEvent, DelegationEventType, TransactionRunner } from '@app/core';
import { AccessPolicy, isUuid, Principal } from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { Delegation } from './delegation.entity';

/**
 * Ends a delegation early: its delegator or delegate, or an admin of its organization (recorded
 * in the admin audit log). Ending one already over changes nothing; another's is "not found".
 */
@Injectable()
export class EndDelegationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly adminAudit: AdminAuditService,
    private readonly events: EventEmitter2,
  ) {}

  async end(principal: Principal, id: string): Promise<void> {
    const ended = await this.transactions.run(async (manager): Promise<DelegationEvent | null> => {
      const delegation = isUuid(id) ? await manager.findOneBy(Delegation, { id }) : null;
      const party =
        delegation !== null &&
        principal.userId !== null &&
        [delegation.delegatorId, delegation.delegateId].includes(principal.userId);
      if (
        !delegation ||
        (!party && !AccessPolicy.mayAdminister(principal, delegation.organizationId))
      ) {
        throw new RequestsException(Code.DelegationNotFound, { id });
      }
      const now = new Date();
      if (delegation.endedAt || new Date(delegation.endsAt) <= now) return null;
      await manager.update(Delegation, { id }, { endedAt: now });
      if (!party) {
        await this.adminAudit.record(manager, {
          organizationId: delegation.organizationId,
          actor: principal,
          action: AdminAction.DelegationEnded,
          subjectType: 'delegation',
          subjectId: id,
          changes: { endedAt: { from: null, to: now } },
        });
      }
      return {
        type: DelegationEventType.Ended,
        delegationId: id,
        startsAt: new Date(delegation.startsAt).toISOString(),
        endsAt: new Date(delegation.endsAt).toISOString(),
      };
    });
    if (ended) this.events.emit(ended.type, ended);
  }
}
