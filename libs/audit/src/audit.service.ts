import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { chainProblem, GENESIS_HASH, hashOf } from './audit-chain';

export type NewAuditEntry = Pick<
  AuditEntry,
  | 'requestId'
  | 'organizationId'
  | 'actorId'
  | 'actorOrganizationId'
  | 'letter'
  | 'event'
  | 'fromState'
  | 'toState'
  | 'comment'
  | 'authentication'
>;

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { id: string; requestId: string; seq: number; problem: string };
}

const VERIFY_BATCH = 1_000;

/** Appends to and checks the hash-chained history of requests. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /**
   * Appends an entry inside the caller's transaction, chained to the request's last one. `first`
   * says the request was created in this transaction, so there is no last entry to look up.
   */
  async append(
    manager: EntityManager,
    input: NewAuditEntry,
    at: Date,
    { first = false } = {},
  ): Promise<AuditEntry> {
    const last = first
      ? null
      : await manager.findOne(AuditEntry, {
          where: { requestId: input.requestId },
          order: { seq: 'DESC' },
        });
    const entry = {
      ...input,
      id: randomUUID(),
      seq: (last?.seq ?? 0) + 1,
      createdAt: at,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const row = Object.assign(new AuditEntry(), entry, { hash: hashOf(entry) });
    // insert, not save: save would first look the new id up, one more round trip per change.
    await manager.insert(AuditEntry, row);
    return row;
  }

  /** The request's entries in chain order; `afterSeq` and `take` read one page of them. */
  history(
    requestId: string,
    range: { afterSeq?: number; take?: number } = {},
  ): Promise<AuditEntry[]> {
    return this.entries.find({
      where: { requestId, ...(range.afterSeq ? { seq: MoreThan(range.afterSeq) } : {}) },
      order: { seq: 'ASC' },
      take: range.take,
    });
  }

  /** Walks every chain (of one organization, if given) and names the first entry that breaks. */
  async verify(organizationId?: string): Promise<AuditVerification> {
    let checked = 0;
    let previous: AuditEntry | undefined;
    let after: { requestId: string; seq: number } | undefined;
    for (;;) {
      const query = this.entries
        .createQueryBuilder('e')
        .orderBy('e.request_id', 'ASC')
        .addOrderBy('e.seq', 'ASC')
        .take(VERIFY_BATCH);
      if (organizationId) query.andWhere('e.organization_id = :organizationId', { organizationId });
      if (after) {
        query.andWhere('(e.request_id > :rid OR (e.request_id = :rid AND e.seq > :seq))', {
          rid: after.requestId,
          seq: after.seq,
        });
      }
      const batch = await query.getMany();
      for (const entry of batch) {
        const problem = chainProblem(
          entry,
          previous?.requestId === entry.requestId ? previous : undefined,
        );
        if (problem)
          return {
            ok: false,
            checked,
            firstBroken: { id: entry.id, requestId: entry.requestId, seq: entry.seq, problem },
          };
        checked++;
        previous = entry;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, checked };
      after = { requestId: previous!.requestId, seq: previous!.seq };
    }
  }
}
