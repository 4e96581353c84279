import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEntry } from '../audit-entry.entity';
import { entryFields } from '../audit-chain';
import { AuditKeys } from '../keys/audit-keys';
import { CheckpointLogReader, LogHead, LogLink } from './checkpoint-log';
import { macHolds } from './mac-holds';

/**
 * Each organization's history log, as checkpoints seal it: every entry of its requests by
 * `log_seq`, its head kept in `audit_logs`.
 */
@Injectable()
export class HistoryLogReader implements CheckpointLogReader {
  readonly log = 'history' as const;

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly keys: AuditKeys,
  ) {}

  async movedHeads(): Promise<LogHead[]> {
    // Heads past the organization's last checkpoint, of logs whose entries are all keyed: sealing
    // re-keys an organization's older entries, which would change what a checkpoint sealed.
    const rows: { organizationId: string; seq: number | string; root: string }[] = await this
      .entries.query(`
      SELECT l.organization_id AS "organizationId", l.seq AS "seq", l.head_hash AS "root"
      FROM audit_logs l
      WHERE l.seq > COALESCE((
        SELECT MAX(c.seq) FROM audit_checkpoints c
        WHERE c.organization_id = l.organization_id AND c.log = 'history'), 0)
      AND NOT EXISTS (
        SELECT 1 FROM audit_entries u
        WHERE u.organization_id = l.organization_id AND u.key_id IS NULL)`);
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  async links(organizationId: string, after: number, upTo: number, limit: number) {
    const entries = await this.entries
      .createQueryBuilder('e')
      .where('e.organization_id = :organizationId', { organizationId })
      .andWhere('e.log_seq > :after AND e.log_seq <= :upTo', { after, upTo })
      .orderBy('e.log_seq', 'ASC')
      .take(limit)
      .getMany();
    return entries.map((e): LogLink => ({
      seq: e.logSeq!,
      prevHash: e.logPrevHash!,
      hash: e.hash,
      intact: macHolds(e, this.keys, entryFields),
    }));
  }
}
