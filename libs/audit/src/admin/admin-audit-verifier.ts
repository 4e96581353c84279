import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { linkProblem } from '../audit-chain';
import { AdminEvent } from './admin-event.entity';
import { adminEventHash } from './admin-event-chain';

export interface AdminAuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { id: string; organizationId: string; seq: number; problem: string };
}

const VERIFY_BATCH = 1_000;

/** Re-checks the admin audit chains (of one organization, if given), as request histories are. */
@Injectable()
export class AdminAuditVerifier {
  constructor(@InjectRepository(AdminEvent) private readonly events: Repository<AdminEvent>) {}

  async verify(organizationId?: string): Promise<AdminAuditVerification> {
    let checked = 0;
    let previous: AdminEvent | undefined;
    for (;;) {
      const batch = await this.batchAfter(previous, organizationId);
      for (const event of batch) {
        const sameChain = previous?.organizationId === event.organizationId;
        const problem = linkProblem(event, sameChain ? previous : undefined, adminEventHash);
        if (problem) {
          const { id, seq } = event;
          return {
            ok: false,
            checked,
            firstBroken: { id, organizationId: event.organizationId, seq, problem },
          };
        }
        checked++;
        previous = event;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, checked };
    }
  }

  private batchAfter(
    previous: AdminEvent | undefined,
    organizationId?: string,
  ): Promise<AdminEvent[]> {
    const query = this.events
      .createQueryBuilder('e')
      .orderBy('e.organization_id', 'ASC')
      .addOrderBy('e.seq', 'ASC')
      .take(VERIFY_BATCH);
    if (organizationId) query.andWhere('e.organization_id = :organizationId', { organizationId });
    if (previous) {
      query.andWhere('(e.organization_id > :oid OR (e.organization_id = :oid AND e.seq > :seq))', {
        oid: previous.organizationId,
        seq: previous.seq,
      });
    }
    return query.getMany();
  }
}
