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
    // As for request histories: an unsealed event whose plain chain holds is named only when no
    // event is found whose chain was already broken then.
    let unsealed: AdminAuditVerification | undefined;
    for (;;) {
      const batch = await this.batchAfter(previous, organizationId);
      for (const event of batch) {
        const sameChain = previous?.organizationId === event.organizationId;
        const { problem, intact } = this.problemOf(event, sameChain ? previous : undefined);
        if (problem) {
          const { id, seq } = event;
          const found = {
            ok: false,
            checked,
            firstBroken: { id, organizationId: event.organizationId, seq, ...problem },
          };
          if (!intact) return found;
          unsealed ??= found;
        }
        checked++;
        previous = event;
      }
      if (batch.length < VERIFY_BATCH) return unsealed ?? { ok: true, checked };
    }
  }

  /** The event's problem, and whether it is only that of an unsealed event whose chain holds. */
  private problemOf(event: AdminEvent, previous: AdminEvent | undefined) {
    let intact = false;
    const problem = linkProblem(event, previous, this.keys, adminEventFields, (e, p) => {
      const legacy = legacyLinkProblem(e, p, legacyAdminEventHash);
      intact = legacy === null;
      return unsealedProblem(legacy);
    });
    return { problem, intact: problem !== null && intact };
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
