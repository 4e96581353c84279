import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { StatementBatch } from '@app/core';
import { AuditEntry } from './audit-entry.entity';
import { ChainHead, entryFields, GENESIS_HASH } from './audit-chain';
import { AuditKeys } from './keys/audit-keys';
import { advanceLog, takeLogPlace } from './log/tenant-log';
import { AuditVerification, HistoryVerifier } from './verify/history-verifier';

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
> &
  Partial<Pick<AuditEntry, 'paramsHash' | 'catalogVersion' | 'onBehalfOf'>>;

/** Appends to and checks the keyed history of requests. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly keys: AuditKeys,
    private readonly verifier: HistoryVerifier,
  ) {}

  /**
   * Appends an entry inside the caller's transaction, after `previous`: the head the request row
   * keeps, null for a request created in this transaction, or `'read'` for a request whose row has
   * no head yet (recorded before it had one, not sealed yet), whose last entry is then read. The
   * entry also takes the next place in its organization's log, held until the caller commits. The
   * caller writes the returned entry's `seq` and `hash` as the request row's head.
   */
  async append(
    manager: EntityManager,
    input: NewAuditEntry,
    at: Date,
    previous: ChainHead | null | 'read',
  ): Promise<AuditEntry> {
    const batch = new StatementBatch(manager);
    const entry = await this.appendIn(batch, manager, input, at, previous);
    await batch.run();
    return entry;
  }

  /**
   * As `append`, but the entry's writes (its row, its log's new head) join the caller's batch, to be
   * sent with the change they record: only the place in the log is taken now. The entry is written
   * when the batch runs; a place already taken fails it then.
   */
  async appendIn(
    batch: StatementBatch,
    manager: EntityManager,
    input: NewAuditEntry,
    at: Date,
    previous: ChainHead | null | 'read',
  ): Promise<AuditEntry> {
    const head =
      previous === 'read'
        ? await manager.findOne(AuditEntry, {
            where: { requestId: input.requestId },
            order: { seq: 'DESC' },
          })
        : previous;
    const place = await takeLogPlace(manager, input.organizationId, at);
    const entry = {
      paramsHash: null,
      catalogVersion: null,
      ...input,
      onBehalfOf: input.onBehalfOf ?? null,
      id: randomUUID(),
      seq: (head?.seq ?? 0) + 1,
      createdAt: at,
      prevHash: head?.hash ?? GENESIS_HASH,
      keyId: this.keys.currentId,
      ...place,
    };
    const row = Object.assign(new AuditEntry(), entry, {
      hash: this.keys.mac(entryFields(entry)),
    });
    // An insert, not save: save would first look the new id up, one more round trip per change.
    batch.add(
      manager.createQueryBuilder().insert().into(AuditEntry).values(row).updateEntity(false),
    );
    batch.add(advanceLog(manager, input.organizationId, row.hash, at));
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

  /**
   * Checks every request's history against its row, and every organization's log (of one
   * organization, if given); names the first problem found.
   */
  verify(organizationId?: string): Promise<AuditVerification> {
    return this.verifier.verify(organizationId);
  }
}
