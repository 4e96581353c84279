import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import {
  CommonErrorCode,
  CommonException,
  DEFAULT_PAGE_SIZE,
  Page,
  PageCursor,
  PageRequest,
} from '@app/core';
import { AccessPolicy, Principal } from '@app/parties';
import { Delegation } from './delegation.entity';
import { DelegationView, toDelegationView } from './delegation.view';

/**
 * Delegations newest first, keyset-paginated on (created_at, id): the caller's own, given and
 * received; an admin's organization's.
 */
@Injectable()
export class ListDelegationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(principal: Principal, page: PageRequest = {}): Promise<Page<DelegationView>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after = page.cursor ? PageCursor.toTimeId(page.cursor) : undefined;
    if (after === null) throw new CommonException(CommonErrorCode.InvalidCursor);
    const query = this.dataSource.getRepository(Delegation).createQueryBuilder('d');
    if (AccessPolicy.isAdmin(principal)) {
      query.where('d.organization_id = :organizationId', {
        organizationId: principal.organizationId,
      });
    } else {
      const me = principal.userId ?? '00000000-0000-0000-0000-000000000000';
      query.where(
        new Brackets((mine) =>
          mine.where('d.delegator_id = :me', { me }).orWhere('d.delegate_id = :me', { me }),
        ),
      );
    }
    if (after) query.andWhere('(d.created_at, d.id) < (:createdAt, :id)', after);
    const rows = await query
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toDelegationView),
      nextCursor:
        rows.length > limit && last
          ? PageCursor.fromTimeId(new Date(last.createdAt), last.id)
          : null,
    };
  }
}
