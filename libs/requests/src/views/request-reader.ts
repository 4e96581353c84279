import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Request } from '../entities/request.entity';
import { RequestView } from '../request.view';
import { RequestViews } from './request-views.service';

/**
 * What other modules (mail above all) read of a request: its view, opinions and waits included. For
 * the engine's own use, never a caller's read, which goes through the tenant-scoped queries.
 */
@Injectable()
export class RequestReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: RequestViews,
  ) {}

  async find(id: string): Promise<RequestView | null> {
    const request = await this.dataSource.getRepository(Request).findOneBy({ id });
    return request ? this.views.of(request) : null;
  }
}
