import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { OrganizationKind, Principal, Role } from '@app/parties';
import { findVisibleRequest, tenantScope } from '../domain/request-scope';
import { RequestState } from '../domain/request-state';
import { RequestComment } from '../entities/request-comment.entity';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestView, toRequestView } from '../request.view';
import { CommentView, toCommentView } from './comment-on-request.service';

export interface ListFilter {
  state?: RequestState;
  action?: string;
  organizationId?: string;
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Reads of requests, always within the caller's tenant. */
@Injectable()
export class RequestQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal, id: string): Promise<RequestView> {
    return toRequestView(await findVisibleRequest(this.dataSource.manager, principal, id));
  }

  async list(principal: Principal, filter: ListFilter): Promise<Page<RequestView>> {
    const scope = tenantScope(principal);
    const query = this.dataSource.getRepository(Request).createQueryBuilder('r');
    const organizationId = scope.organizationId ?? filter.organizationId;
    if (organizationId) query.andWhere('r.organization_id = :organizationId', { organizationId });
    if (filter.state) query.andWhere('r.state = :state', { state: filter.state });
    if (filter.action) query.andWhere('r.action = :action', { action: filter.action });
    return this.page(query, filter);
  }

  /** What waits on the caller: approval as A, an opinion as C, work as the performing party. */
  async inbox(
    principal: Principal,
    filter: Pick<ListFilter, 'cursor' | 'limit'>,
  ): Promise<Page<RequestView>> {
    const query = this.dataSource.getRepository(Request).createQueryBuilder('r');
    const { organizationId } = tenantScope(principal);
    if (organizationId) query.andWhere('r.organization_id = :organizationId', { organizationId });
    const is = (role: Role) => principal.roles.includes(role);
    const params = {
      party: principal.party,
      userId: principal.userId ?? '',
      partyJson: `%"${principal.party}"%`,
    };
    query.andWhere(
      new Brackets((any) => {
        any.where('1 = 0');
        if (is(Role.Approver)) {
          any.orWhere(
            `(r.state = '${RequestState.PendingApproval}' AND r.accountable = :party AND r.submitted_by <> :userId)`,
            params,
          );
        }
        if (is(Role.Consultant) || is(Role.Approver)) {
          any.orWhere(
            `(r.state = '${RequestState.PendingConsultation}' AND CAST(r.consulted AS TEXT) LIKE :partyJson AND NOT EXISTS ` +
              '(SELECT 1 FROM request_opinions o WHERE o.request_id = r.id AND o.party = :party))',
            params,
          );
        }
        if (is(Role.Operator)) {
          any.orWhere(
            `(r.state IN ('${RequestState.Approved}', '${RequestState.InProgress}') AND r.performer = :party)`,
            params,
          );
        }
      }),
    );
    return this.page(query, filter);
  }

  async history(principal: Principal, id: string) {
    const request = await findVisibleRequest(this.dataSource.manager, principal, id);
    const entries = await this.audit.history(request.id);
    return entries.map(
      ({ requestId: _request, organizationId: _organization, prevHash: _previous, ...entry }) => ({
        ...entry,
        createdAt: new Date(entry.createdAt).toISOString(),
      }),
    );
  }

  async comments(principal: Principal, id: string): Promise<CommentView[]> {
    const request = await findVisibleRequest(this.dataSource.manager, principal, id);
    const where =
      principal.kind === OrganizationKind.Provider
        ? { requestId: request.id }
        : { requestId: request.id, internal: false };
    const comments = await this.dataSource
      .getRepository(RequestComment)
      .find({ where, order: { createdAt: 'ASC' } });
    return comments.map(toCommentView);
  }

  /** Newest first, keyset-paginated on (created_at, id) so pages stay fast at any depth. */
  private async page(
    query: ReturnType<DataSource['createQueryBuilder']>,
    filter: Pick<ListFilter, 'cursor' | 'limit'>,
  ): Promise<Page<RequestView>> {
    const limit = filter.limit ?? 50;
    if (filter.cursor) {
      const { createdAt, id } = decodeCursor(filter.cursor);
      query.andWhere('(r.created_at < :createdAt OR (r.created_at = :createdAt AND r.id < :id))', {
        createdAt,
        id,
      });
    }
    const rows = (await query
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1)
      .getMany()) as Request[];
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor(new Date(last.createdAt), last.id) : null;
    return { items: items.map(toRequestView), nextCursor };
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw RequestsException.invalid(Code.InvalidCursor, 'The cursor is not one this API returned.');
  }
}
