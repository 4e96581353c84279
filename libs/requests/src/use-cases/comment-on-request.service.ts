import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Catalog } from '@app/catalog';
import { TransactionRunner } from '@app/core';
import { OrganizationKind, Principal, User } from '@app/parties';
import { authorize } from '../domain/raci-policy';
import { findVisibleRequest } from '../domain/request-scope';
import { RequestVerb } from '../domain/request-state';
import { nextState } from '../domain/request-state-machine';
import { RequestTransitioner } from '../domain/request-transitioner';
import { assertExpectedVersion, ExpectedVersions } from '../domain/version-precondition';
import { RequestComment } from '../entities/request-comment.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

export interface CommentInput {
  body: string;
  internal?: boolean;
  /** The versions of the request `If-Match` named, if it did: a comment changes the version. */
  expectedVersions?: ExpectedVersions;
}

export interface CommentView {
  id: string;
  requestId: string;
  authorId: string;
  /** The author's display name; null once the user is gone. */
  authorName: string | null;
  party: string;
  body: string;
  internal: boolean;
  createdAt: string;
}

export function toCommentView(comment: RequestComment, authorName: string | null): CommentView {
  const { id, requestId, authorId, party, body, internal } = comment;
  return {
    id,
    requestId,
    authorId,
    authorName,
    party,
    body,
    internal,
    createdAt: new Date(comment.createdAt).toISOString(),
  };
}

/**
 * Adds a comment by a party of the request. A public comment is a change of the request: its
 * version moves, the history records it and an event tells the parties. An internal comment is the
 * provider's own note and no change of the request: it is stored with the comments the provider
 * reads, and nothing else moves, so no trace of it (history entry, event, webhook, mail, version,
 * ETag or update time) reaches a customer.
 */
@Injectable()
export class CommentOnRequestService {
  constructor(
    private readonly catalog: Catalog,
    private readonly transactions: TransactionRunner,
    private readonly transitioner: RequestTransitioner,
    private readonly events: EventEmitter2,
  ) {}

  async comment(principal: Principal, id: string, input: CommentInput): Promise<CommentView> {
    const authorId = principal.userId;
    if (!authorId) throw new RequestsException(Code.UserRequired);
    const internal = input.internal ?? false;
    if (internal && principal.kind !== OrganizationKind.Provider) {
      throw new RequestsException(Code.InternalCommentNotAllowed);
    }
    const { view, event } = await this.transactions.run(async (manager) => {
      const request = await findVisibleRequest(manager, principal, id);
      const letter = authorize(RequestVerb.Comment, principal, {
        ...request,
        letters: (await this.catalog.at(request.catalogVersion)).lettersOf(request.action),
      });
      const comment = Object.assign(new RequestComment(), {
        id: randomUUID(),
        requestId: request.id,
        authorId,
        party: principal.party,
        body: input.body,
        internal,
        createdAt: new Date(),
      });
      const author = await manager.findOne(User, {
        select: { id: true, name: true },
        where: { id: authorId },
      });
      const authorName = author?.name ?? null;
      if (internal) {
        // The same checks as a public comment (the request's state, If-Match), without the change.
        nextState(request.state, RequestVerb.Comment);
        assertExpectedVersion(request.version, input.expectedVersions);
        await manager.insert(RequestComment, comment);
        return { view: toCommentView(comment, authorName), event: null };
      }
      await manager.insert(RequestComment, comment);
      const event = await this.transitioner.apply(manager, request, {
        verb: RequestVerb.Comment,
        actor: principal,
        letter,
        comment: input.body,
        expectedVersions: input.expectedVersions,
      });
      return { view: toCommentView(comment, authorName), event };
    });
    if (event) this.events.emit(event.type, event);
    return view;
  }
}
