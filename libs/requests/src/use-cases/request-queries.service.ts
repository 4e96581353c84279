import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@app/audit';
import { OrganizationKind, Principal, User } from '@app/parties';
import { delegatedBranches, inboxBranches } from '../domain/inbox-branches';
import { HeldDelegations } from '../delegations/held-delegations';
import { findVisibleRequest, tenantScope } from '../domain/request-scope';
import { RequestComment } from '../entities/request-comment.entity';
import { Request } from '../entities/request.entity';
import { Wait } from '../domain/who-acts.table';
import { RequestView } from '../request.view';
import { RequestViews } from '../views/request-views.service';
import { CommentView, toCommentView } from './comment-on-request.service';
import {
  AFTER_CURSOR,
  decodeCursor,
  decodeSeqCursor,
  encodeCursor,
  encodeSeqCursor,
  uuidOnly,
} from './request-cursors';
import {
  DEFAULT_PAGE_SIZE,
  oldestFirstPage,
  Page,
  PageRequest,
  ReadReplica,
  readerOf,
  RequestState,
} from '@app/core';

export interface ListFilter {
  state?: RequestState;
  action?: string;
  product?: string;
  organizationId?: string;
  submittedBy?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  cursor?: string;
  limit?: number;
}

/** A request in the caller's inbox, why it waits on them, and on whose behalf (a delegation). */
export type InboxItem = RequestView & {
  reason: Wait;
  onBehalfOf: { id: string; name: string; email: string } | null;
};

export type { Page };

/** Rows an export reads at a time. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Reads of requests, always within the caller's tenant. The list and the inbox may read the replica
 * (ReadReplica); one request, its history and its comments always read the primary, so a request
 * is readable as soon as its 201 is.
 */
@Injectable()
export class RequestQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly views: RequestViews,
    private readonly delegations: HeldDelegations,
    private readonly replica: ReadReplica,
  ) {}

  async get(principal: Principal, id: string): Promise<RequestView> {
    return this.views.of(await findVisibleRequest(this.dataSource.manager, principal, id));
  }

  list(principal: Principal, filter: ListFilter): Promise<Page<RequestView>> {
    return this.replica.read(readerOf(principal), (manager) =>
      this.listOn(manager, principal, filter),
    );
  }

  private async listOn(
    manager: EntityManager,
    principal: Principal,
    filter: ListFilter,
  ): Promise<Page<RequestView>> {
    const scope = tenantScope(principal);
    const query = manager.getRepository(Request).createQueryBuilder('r');
    const organizationId = scope.organizationId ?? filter.organizationId;
    if (organizationId) query.andWhere('r.organization_id = :organizationId', { organizationId });
    if (filter.state) query.andWhere('r.state = :state', { state: filter.state });
    if (filter.action) query.andWhere('r.action = :action', { action: filter.action });
    if (filter.product) query.andWhere('r.product = :product', { product: filter.product });
    if (filter.submittedBy) {
      query.andWhere('r.submitted_by = :submittedBy', { submittedBy: filter.submittedBy });
    }
    if (filter.createdAfter) {
      query.andWhere('r.created_at >= :createdAfter', { createdAfter: filter.createdAfter });
    }
    if (filter.createdBefore) {
      query.andWhere('r.created_at < :createdBefore', { createdBefore: filter.createdBefore });
    }
    return this.page(manager, query, filter);
  }

  /**
   * Every request `list` would show for the filter, a page at a time, newest first: each page is
   * one keyset range read (see `page`), so an export of any size holds one page in memory.
   */
  async *pages(
    principal: Principal,
    filter: Omit<ListFilter, 'cursor' | 'limit'>,
    pageSize = EXPORT_PAGE_SIZE,
  ): AsyncGenerator<RequestView[]> {
    let cursor: string | undefined;
    do {
      const page = await this.list(principal, { ...filter, cursor, limit: pageSize });
      if (page.items.length > 0) yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /**
   * What waits on the caller: approval as A (never their own submission: four eyes), an opinion
   * as C (until their party has given one), work as the performing party. Each kind of wait is its
   * own newest-first, limited branch that an index answers as one range scan (see the inbox
   * indexes migration); the branches are merged, then the page's rows are read by id.
   */
  inbox(
    principal: Principal,
    filter: Pick<ListFilter, 'cursor' | 'limit'>,
  ): Promise<Page<InboxItem>> {
    return this.replica.read(readerOf(principal), (manager) =>
      this.inboxOn(manager, principal, filter),
    );
  }

  private async inboxOn(
    manager: EntityManager,
    principal: Principal,
    filter: Pick<ListFilter, 'cursor' | 'limit'>,
  ): Promise<Page<InboxItem>> {
    const limit = filter.limit ?? 50;
    const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    const held = principal.userId
      ? await this.delegations.of([principal.userId], new Date(), manager)
      : [];
    const branches = [...inboxBranches(principal), ...delegatedBranches(principal, held)];
    if (branches.length === 0) return { items: [], nextCursor: null };
    const { organizationId } = tenantScope(principal);
    const selects = branches.map(({ where, wait, onBehalfOf }) => {
      const branch = manager
        .createQueryBuilder()
        .select('r.id', 'id')
        .addSelect('r.created_at', 'created_at')
        .addSelect(`'${wait}'`, 'reason')
        .addSelect(
          onBehalfOf ? `'${uuidOnly(onBehalfOf)}'` : 'CAST(NULL AS varchar)',
          'on_behalf_of',
        )
        .from(Request, 'r')
        .where(where);
      if (organizationId) branch.andWhere('r.organization_id = :organizationId');
      if (cursor) branch.andWhere(AFTER_CURSOR);
      return branch
        .orderBy('r.created_at', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .limit(limit + 1);
    });
    const union = selects.map((select) => `SELECT * FROM (${select.getQuery()}) AS b`);
    const rows: { id: string; reason: Wait; on_behalf_of: string | null }[] = await manager
      .createQueryBuilder()
      .select('w.id', 'id')
      .addSelect('w.reason', 'reason')
      .addSelect('w.on_behalf_of', 'on_behalf_of')
      .from(`(${union.join(' UNION ALL ')})`, 'w')
      .orderBy('w.created_at', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .limit(limit + 1)
      .setParameters({
        organizationId,
        party: principal.party,
        userId: principal.userId ?? '',
        ...branches.reduce((all, branch) => ({ ...all, ...branch.params }), {}),
        ...cursor,
      })
      .getRawMany();
    if (rows.length === 0) return { items: [], nextCursor: null };
    const requests = await manager.findBy(Request, { id: In(rows.map((row) => row.id)) });
    const byId = new Map(requests.map((request) => [request.id, request]));
    const reasons = new Map(rows.map((row) => [row.id, row]));
    const delegators = new Map(held.map(({ delegator }) => [delegator.id, delegator]));
    const page = await this.toPage(
      manager,
      rows.flatMap((row) => byId.get(row.id) ?? []),
      limit,
    );
    return {
      ...page,
      items: page.items.map((item) => {
        const { reason, on_behalf_of: onBehalfOf } = reasons.get(item.id)!;
        return { ...item, reason, onBehalfOf: (onBehalfOf && delegators.get(onBehalfOf)) || null };
      }),
    };
  }

  /** The request's history in chain order, a page at a time (the cursor is the last `seq`). */
  async history(principal: Principal, id: string, page: PageRequest = {}) {
    const request = await findVisibleRequest(this.dataSource.manager, principal, id);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const afterSeq = page.cursor ? decodeSeqCursor(page.cursor) : undefined;
    const entries = await this.audit.history(request.id, { afterSeq, take: limit + 1 });
    const items = entries.slice(0, limit);
    const last = items[items.length - 1];
    const names = await this.namesOf(items.flatMap((entry) => [entry.actorId, entry.onBehalfOf]));
    return {
      items: items.map(
        ({
          requestId: _request,
          organizationId: _organization,
          prevHash: _previous,
          keyId: _key,
          logSeq: _logSeq,
          logPrevHash: _logPrevious,
          ...entry
        }) => ({
          ...entry,
          actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
          onBehalfOf: entry.onBehalfOf ?? null,
          onBehalfOfName: entry.onBehalfOf ? (names.get(entry.onBehalfOf) ?? null) : null,
          createdAt: new Date(entry.createdAt).toISOString(),
        }),
      ),
      nextCursor: entries.length > limit && last ? encodeSeqCursor(last.seq) : null,
    };
  }

  /** The display names of the people who acted, by id (a request's parties see each other's). */
  private async namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const users = await this.dataSource
      .getRepository(User)
      .find({ select: { id: true, name: true }, where: { id: In(wanted) } });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  /** Comments oldest first, a page at a time; a customer never sees internal ones. */
  async comments(
    principal: Principal,
    id: string,
    page: PageRequest = {},
  ): Promise<Page<CommentView>> {
    const request = await findVisibleRequest(this.dataSource.manager, principal, id);
    const where =
      principal.kind === OrganizationKind.Provider
        ? { requestId: request.id }
        : { requestId: request.id, internal: false };
    const comments = await oldestFirstPage(
      this.dataSource.getRepository(RequestComment),
      where,
      page,
    );
    const names = await this.namesOf(comments.items.map((comment) => comment.authorId));
    return {
      items: comments.items.map((comment) =>
        toCommentView(comment, names.get(comment.authorId) ?? null),
      ),
      nextCursor: comments.nextCursor,
    };
  }

  /** Newest first, keyset-paginated on (created_at, id) so pages stay fast at any depth. */
  private async page(
    manager: EntityManager,
    query: SelectQueryBuilder<Request>,
    filter: Pick<ListFilter, 'cursor' | 'limit'>,
  ): Promise<Page<RequestView>> {
    const limit = filter.limit ?? 50;
    if (filter.cursor) query.andWhere(AFTER_CURSOR, decodeCursor(filter.cursor));
    const rows = await query
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return this.toPage(manager, rows, limit);
  }

  /** The first `limit` rows as views, and a cursor after the last one when more follow. */
  private async toPage(
    manager: EntityManager,
    rows: Request[],
    limit: number,
  ): Promise<Page<RequestView>> {
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor(new Date(last.createdAt), last.id) : null;
    return { items: await this.views.ofAll(items, manager), nextCursor };
  }
}
