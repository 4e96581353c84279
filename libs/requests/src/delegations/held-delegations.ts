import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { User } from '@app/parties';
import { HeldDelegation } from '../domain/delegated-policy';
import { Delegation } from './delegation.entity';
import { delegableOf } from './delegation-rules';

/** A delegation someone holds now, with the delegator it acts for. */
export type HeldBy = HeldDelegation & {
  delegateId: string;
  delegator: { id: string; name: string; email: string };
};

/**
 * The delegations people hold at a moment: in their window, not ended, from an active delegator,
 * each carrying the roles it was given that the delegator still holds (never what the delegator
 * themselves received: no chains). Oldest first, so a choice between two is always the same.
 */
@Injectable()
export class HeldDelegations {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(
    delegateIds: readonly string[],
    at = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HeldBy[]> {
    if (delegateIds.length === 0) return [];
    const delegations = await manager.find(Delegation, {
      where: {
        delegateId: In([...new Set(delegateIds)]),
        startsAt: LessThanOrEqual(at),
        endsAt: MoreThan(at),
        endedAt: IsNull(),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (delegations.length === 0) return [];
    const delegators = new Map(
      (
        await manager.findBy(User, { id: In([...new Set(delegations.map((d) => d.delegatorId))]) })
      ).map((user) => [user.id, user]),
    );
    return delegations.flatMap((d) => {
      const delegator = delegators.get(d.delegatorId);
      if (!delegator?.active || delegator.organizationId !== d.organizationId) return [];
      const roles = delegableOf(d.roles).filter((role) => delegator.roles.includes(role));
      if (roles.length === 0) return [];
      return [
        {
          delegateId: d.delegateId,
          delegatorId: d.delegatorId,
          delegator: {
            id: delegator.id,
            name: delegator.name || delegator.email,
            email: delegator.email,
          },
          roles,
        },
      ];
    });
  }
}
