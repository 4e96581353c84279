import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdminAction, AdminAuditService, created } from '@app/audit';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DelegationEvent, DelegationEventType, TransactionRunner } from '@app/core';
import { AccessPolicy, isUuid, Principal, User } from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { Delegation } from './delegation.entity';
import { delegatedRoles } from './delegation-rules';
import { DelegationView, toDelegationView } from './delegation.view';

export interface NewDelegation {
  delegateId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  /** Set by an admin for a user of their organization; the caller themselves otherwise. */
  delegatorId?: string;
}

/**
 * Sets a delegation: the caller hands their decision roles to a person of their organization for
 * a window, or an admin does it for a user of their organization who is absent (recorded in the
 * admin audit log). Refused input stores nothing.
 */
@Injectable()
export class CreateDelegationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly adminAudit: AdminAuditService,
    private readonly events: EventEmitter2,
  ) {}

  async create(principal: Principal, input: NewDelegation): Promise<DelegationView> {
    const view = await this.transactions.run(async (manager) => {
      const delegator = await this.delegatorFor(manager, principal, input.delegatorId);
      const delegate = isUuid(input.delegateId)
        ? await manager.findOneBy(User, { id: input.delegateId })
        : null;
      const now = new Date();
      const roles = delegatedRoles({ ...input, delegator, delegate }, now);
      const delegation = Object.assign(new Delegation(), {
        id: randomUUID(),
        organizationId: delegator.organizationId,
        delegatorId: delegator.id,
        delegateId: input.delegateId,
        roles,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason,
        createdBy: principal.userId,
        createdAt: now,
        endedAt: null,
        startedNotifiedAt: null,
        endedNotifiedAt: null,
      });
      await manager.insert(Delegation, delegation);
      if (principal.userId !== delegator.id) {
        const { id, delegatorId, delegateId, startsAt, endsAt, reason } = delegation;
        await this.adminAudit.record(manager, {
          organizationId: delegator.organizationId,
          actor: principal,
          action: AdminAction.DelegationCreated,
          subjectType: 'delegation',
          subjectId: id,
          changes: created({ delegatorId, delegateId, roles, startsAt, endsAt, reason }),
        });
      }
      return toDelegationView(delegation);
    });
    const event: DelegationEvent = {
      type: DelegationEventType.Set,
      delegationId: view.id,
      startsAt: view.startsAt,
      endsAt: view.endsAt,
    };
    this.events.emit(event.type, event);
    return view;
  }

  /** The caller, or, for an admin of their organization, the user they name. */
  private async delegatorFor(
    manager: EntityManager,
    principal: Principal,
    delegatorId: string | undefined,
  ): Promise<User> {
    const id = delegatorId ?? principal.userId;
    if (!id) throw new RequestsException(Code.UserRequired);
    const user = isUuid(id) ? await manager.findOneBy(User, { id }) : null;
    if (!user || !user.active || !AccessPolicy.canSee(principal, user.organizationId)) {
      throw new RequestsException(Code.DelegatorNotFound, { delegatorId: id });
    }
    if (user.id !== principal.userId) AccessPolicy.requireAdmin(principal, user.organizationId);
    return user;
  }
}
