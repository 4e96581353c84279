import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditProblem, linkProblem, unsealedProblem } from '../audit-chain';
import { AuditKeys } from '../keys/audit-keys';
import { legacyAdminEventHash, legacyLinkProblem } from '../sealing/legacy-chain';
import { AdminEvent } from './admin-event.entity';
import { adminEventFields } from './admin-event-chain';

export interface AdminAuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: AuditProblem & { id: string; organizationId: string; seq: number };
}

const VERIFY_BATCH = 1_000;

/**
 * Re-checks the admin audit chains (of one organization, if given), as request histories are, and
 * names each problem by the same kinds. A deleted tail leaves no trace in the chain itself: the
 * organization's signed checkpoints find it.
 */
@Injectable()
export class AdminAuditVerifier {
  constructor(
    @InjectRepository(AdminEvent) private readonly events: Repository<AdminEvent>,
    private readonly keys: AuditKeys,
  ) {}

  async verify(organizationId?: string): Promise<AdminAuditVerification> {
    let checked = 0;
    let previous: AdminEvent | undefined;
    for (;;) {
      const batch = await this.batchAfter(previous, organizationId);
      for (const event of batch) {
        const sameChain = previous?.organizationId === event.organizationId;
        const problem = this.problemOf(event, sameChain ? previous : undefined);
        if (problem) {
          const { id, seq } = event;
          return {
            ok: false,
            checked,
            firstBroken: { id, organizationId: event.organizationId, seq, ...problem },
          };
        }
        checked++;
        previous = event;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, checked };
    }
  }

  private problemOf(event: AdminEvent, previous: AdminEvent | undefined): AuditProblem | null {
    return linkProblem(event, previous, this.keys, adminEventFields, (e, p) =>
      unsealedProblem(legacyLinkProblem(e, p, legacyAdminEventHash)),
    );
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
