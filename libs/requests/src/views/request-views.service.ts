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
    const [view] = await this.ofAll([request], manager);
    return view;
  }

  async ofAll(requests: Request[], manager = this.dataSource.manager): Promise<RequestView[]> {
    if (requests.length === 0) return [];
    // The transaction's own connection: a second one per call would exhaust the pool under load.
    const submitters = await this.users.byIds(
      [...new Set(requests.map((r) => r.submittedBy))],
      manager,
    );
    const people = new Map<string, PersonView>(
      submitters.map(({ id, name, email }) => [id, { id, name, email }]),
    );
    const opinions = await manager.find(RequestOpinion, {
      where: { requestId: In(requests.map((r) => r.id)) },
      order: { createdAt: 'ASC' },
    });
    const approvals = await manager.find(RequestApproval, {
      where: { requestId: In(requests.map((r) => r.id)) },
      order: { createdAt: 'ASC' },
    });
    // Each request's own catalog version: its routing and letters are the ones it was made under.
    const pinned = new Map(
      await Promise.all(
        [...new Set(requests.map((r) => r.catalogVersion))].map(
          async (v) => [v, await this.catalog.at(v)] as const,
        ),
      ),
    );
    return requests.map((request) => {
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
