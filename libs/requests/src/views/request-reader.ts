import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Opinion, RequestOpinion } from '../entities/request-opinion.entity';
import { Request } from '../entities/request.entity';
import { RequestView, toRequestView } from '../request.view';

/** A Consulted party's answer, as other modules read it. */
export interface OpinionView {
  party: string;
  userId: string;
  opinion: Opinion;
  comment: string | null;
  createdAt: string;
}

/**
 * What other modules (mail above all) read of a request: its view and its opinions. For the
 * engine's own use, never a caller's read, which goes through the tenant-scoped queries.
 */
@Injectable()
export class RequestReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string): Promise<{ request: RequestView; opinions: OpinionView[] } | null> {
    const request = await this.dataSource.getRepository(Request).findOneBy({ id });
    if (!request) return null;
    const opinions = await this.dataSource
      .getRepository(RequestOpinion)
      .find({ where: { requestId: id }, order: { createdAt: 'ASC' } });
    return {
      request: toRequestView(request),
      opinions: opinions.map(({ party, userId, opinion, comment, createdAt }) => ({
        party,
        userId,
        opinion,
        comment,
        createdAt: new Date(createdAt).toISOString(),
      })),
    };
  }
}
