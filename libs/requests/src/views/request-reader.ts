import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '@app/parties';
import { RequestComment } from '../entities/request-comment.entity';
import { Request } from '../entities/request.entity';
import { RequestView } from '../request.view';
import { RequestViews } from './request-views.service';

/** A public comment, as mail shows it: never an internal one. */
export interface PublicCommentView {
  author: string;
  party: string;
  body: string;
  createdAt: string;
}

/**
 * What other modules (mail above all) read of a request: its view, opinions and waits included. For
 * the engine's own use, never a caller's read, which goes through the tenant-scoped queries.
 */
@Injectable()
export class RequestReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViews,
    private readonly users: UsersService,
  ) {}

  async find(id: string): Promise<RequestView | null> {
    const request = await this.dataSource.getRepository(Request).findOneBy({ id });
    return request ? this.views.of(request) : null;
  }

  /** The request's public comments, oldest first, with their authors' names; internal ones never. */
  async publicComments(id: string): Promise<PublicCommentView[]> {
    const comments = await this.dataSource.getRepository(RequestComment).find({
      where: { requestId: id, internal: false },
      order: { createdAt: 'ASC' },
    });
    const authors = new Map(
      (await this.users.byIds([...new Set(comments.map((c) => c.authorId))])).map((user) => [
        user.id,
        user.name || user.email,
      ]),
    );
    return comments.map(({ authorId, party, body, createdAt }) => ({
      author: authors.get(authorId) ?? '',
      party,
      body,
      createdAt: new Date(createdAt).toISOString(),
    }));
  }
}
