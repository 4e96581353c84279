import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type CheckpointLog, type ExportedCheckpoint, PageCursor } from '@app/core';
import { AuditErrorCode, AuditException } from '../admin/admin-audit.exception';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { exportCheckpoint } from './checkpoint-export';

export interface CheckpointPage {
  items: ExportedCheckpoint[];
  nextCursor: string | null;
}

/** Reads the signed checkpoints back, newest first, as they are exported. */
@Injectable()
export class AuditCheckpointsService {
  constructor(
    @InjectRepository(AuditCheckpoint) private readonly checkpoints: Repository<AuditCheckpoint>,
  ) {}

  /** Keyset-paginated on (signed_at, id); of one organization or of all, of one log or both. */
  async page(filter: {
    organizationId?: string;
    log?: CheckpointLog;
    cursor?: string;
    limit?: number;
  }): Promise<CheckpointPage> {
    const limit = filter.limit ?? 50;
    const query = this.checkpoints.createQueryBuilder('c');
    if (filter.organizationId)
      query.andWhere('c.organization_id = :organizationId', {
        organizationId: filter.organizationId,
      });
    if (filter.log) query.andWhere('c.log = :log', { log: filter.log });
    if (filter.cursor) {
      const position = PageCursor.toTimeId(filter.cursor);
      if (!position) throw new AuditException(AuditErrorCode.InvalidCursor);
      query.andWhere('(c.signed_at, c.id) < (:createdAt, :id)', position);
    }
    const rows = await query
      .orderBy('c.signed_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const more = rows.length > limit && last;
    return {
      items: items.map(exportCheckpoint),
      nextCursor: more ? PageCursor.fromTimeId(new Date(last.signedAt), last.id) : null,
    };
  }
}
