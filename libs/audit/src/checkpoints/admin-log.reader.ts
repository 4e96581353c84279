import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AdminEvent } from '../admin/admin-event.entity';
import { adminEventFields } from '../admin/admin-event-chain';
import { AuditKeys } from '../keys/audit-keys';
import { CheckpointLogReader, LogHead, LogLink } from './checkpoint-log';
import { macHolds } from './mac-holds';

/** The admin audit log of each organization, as checkpoints seal it: its chain by `seq`. */
@Injectable()
export class AdminLogReader implements CheckpointLogReader {
  readonly log = 'admin' as const;

  constructor(
    @InjectRepository(AdminEvent) private readonly events: Repository<AdminEvent>,
    private readonly keys: AuditKeys,
  ) {}

  async movedHeads(): Promise<LogHead[]> {
    // The last event of each organization, where it is past the organization's last checkpoint and
    // every event is keyed: sealing re-keys older events, which would change what it sealed.
    const rows: { organizationId: string; seq: number | string; root: string }[] = await this.events
      .query(`
      SELECT e.organization_id AS "organizationId", e.seq AS "seq", e.hash AS "root"
      FROM admin_events e
      JOIN (SELECT organization_id, MAX(seq) AS seq FROM admin_events GROUP BY organization_id) h
        ON h.organization_id = e.organization_id AND h.seq = e.seq
      WHERE e.seq > COALESCE((
        SELECT MAX(c.seq) FROM audit_checkpoints c
        WHERE c.organization_id = e.organization_id AND c.log = 'admin'), 0)
      AND NOT EXISTS (
        SELECT 1 FROM admin_events u
        WHERE u.organization_id = e.organization_id AND u.key_id IS NULL)`);
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  async links(organizationId: string, after: number, upTo: number, limit: number) {
    const events = await this.events
      .createQueryBuilder('e')
      .where('e.organization_id = :organizationId', { organizationId })
      .andWhere('e.seq > :after AND e.seq <= :upTo', { after, upTo })
      .orderBy('e.seq', 'ASC')
      .take(limit)
      .getMany();
    return events.map((e): LogLink => ({
      seq: e.seq,
      prevHash: e.prevHash,
      hash: e.hash,
      intact: macHolds(e, this.keys, adminEventFields),
    }));
  }
}
