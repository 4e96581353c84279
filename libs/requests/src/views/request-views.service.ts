import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Catalog } from '@app/catalog';
import { UsersService } from '@app/parties';
import { approvalViews } from '../domain/approval-quorum';
import { RequestApproval } from '../entities/request-approval.entity';
import { RequestOpinion } from '../entities/request-opinion.entity';
import { Request } from '../entities/request.entity';
import { OpinionView, PersonView, RequestView, toRequestView } from '../request.view';

/** What the caller of `prepare` already holds, for a new request: no opinion and no approval yet. */
export interface KnownViewParts {
  opinions?: RequestOpinion[];
  approvals?: RequestApproval[];
}

/**
 * Turns request rows into the views the API and the mail show: the action's title from the catalog,
 * the submitter, the opinions and approvals, and who the request waits on. One query each for the
 * people, the opinions and the approvals of a whole page.
 */
@Injectable()
export class RequestViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: Catalog,
    private readonly users: UsersService,
  ) {}

  /** The view of one request; in a transaction, pass its manager to read what it wrote. */
  async of(request: Request, manager?: EntityManager): Promise<RequestView> {
    const [view] = (await this.prepare([request], manager))();
    return view;
  }

  async ofAll(requests: Request[], manager = this.dataSource.manager): Promise<RequestView[]> {
    return (await this.prepare(requests, manager))();
  }

  /**
   * Reads now what the views need, and answers how to make them later from the rows as they stand
   * then: a change reads before it takes its organization's log, and makes its view once written,
   * so the log is held for the writes alone. What the caller already knows is not read again.
   */
  async prepare(
    requests: Request[],
    manager = this.dataSource.manager,
    known: KnownViewParts = {},
  ): Promise<() => RequestView[]> {
    if (requests.length === 0) return () => [];
    // The transaction's own connection: a second one per call would exhaust the pool under load.
    const submitters = await this.users.byIds(
      [...new Set(requests.map((r) => r.submittedBy))],
      manager,
    );
    const people = new Map<string, PersonView>(
      submitters.map(({ id, name, email }) => [id, { id, name, email }]),
    );
    const ids = requests.map((r) => r.id);
    // Only a Consulted party gives an opinion: without one, there is none to read.
    const opinions =
      known.opinions ??
      (requests.some((r) => r.consulted.length > 0)
        ? await manager.find(RequestOpinion, {
            where: { requestId: In(ids) },
            order: { createdAt: 'ASC' },
          })
        : []);
    const approvals =
      known.approvals ??
      (await manager.find(RequestApproval, {
        where: { requestId: In(ids) },
        order: { createdAt: 'ASC' },
      }));
    // Each request's own catalog version: its routing and letters are the ones it was made under.
    const pinned = new Map(
      await Promise.all(
        [...new Set(requests.map((r) => r.catalogVersion))].map(
          async (v) => [v, await this.catalog.at(v)] as const,
        ),
      ),
    );
    return () =>
      requests.map((request) => {
        const catalog = pinned.get(request.catalogVersion) ?? this.catalog.current();
        return toRequestView(request, {
          title: catalog.action(request.action)?.title ?? request.action,
          letters: catalog.lettersOf(request.action),
          submitter: people.get(request.submittedBy) ?? unknownPerson(request.submittedBy),
          opinions: opinions.filter((o) => o.requestId === request.id).map(toOpinionView),
          approvals: approvalViews(
            approvals.filter((a) => a.requestId === request.id),
            request,
          ),
        });
      });
  }
}

function toOpinionView({
  party,
  userId,
  opinion,
  comment,
  createdAt,
}: RequestOpinion): OpinionView {
  return { party, userId, opinion, comment, createdAt: new Date(createdAt).toISOString() };
}

/** A submitter the directory no longer knows (never deleted today): the id, and nothing made up. */
function unknownPerson(id: string): PersonView {
  return { id, name: '', email: '' };
}
