import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Not, Repository } from 'typeorm';
import { AuditEntry } from '../audit-entry.entity';
import { AuditProblem, GENESIS_HASH } from '../audit-chain';
import { AuditLog } from '../audit-log.entity';
import type { BrokenHistory } from './history-verifier';

const LOG_BATCH = 1_000;

type LogEntry = Pick<
  AuditEntry,
  'id' | 'requestId' | 'organizationId' | 'logSeq' | 'logPrevHash' | 'hash'
>;

/**
 * Walks each organization's log (every entry of its requests, by `log_seq`): a place left empty
 * means entries were deleted, a request's whole history with its row among them; each entry must
 * point to the one before, and the last one be the head `audit_logs` keeps. The MACs themselves,
 * which cover these links, are checked with each request's history.
 */
@Injectable()
export class TenantLogVerifier {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
  ) {}

  async firstProblem(organizationId?: string): Promise<BrokenHistory | null> {
    for (const [org, log] of await this.organizations(organizationId)) {
      const broken = await this.logProblem(org, log);
      if (broken) return broken;
    }
    return null;
  }

  /** Every organization with a log: a head, or keyed entries (whose head may have been deleted). */
  private async organizations(organizationId?: string): Promise<Map<string, AuditLog | null>> {
    // Entries first: an organization whose first entry commits in between then has its head too.
    const query = this.entries
      .createQueryBuilder('e')
      .select('DISTINCT e.organization_id', 'organizationId')
      .where('e.log_seq IS NOT NULL');
    if (organizationId) query.andWhere('e.organization_id = :organizationId', { organizationId });
    const logged = await query.getRawMany<{ organizationId: string }>();
    const heads = await this.logs.find({ where: organizationId ? { organizationId } : {} });
    const all = new Map<string, AuditLog | null>(heads.map((h) => [h.organizationId, h]));
    for (const { organizationId: id } of logged) if (!all.has(id)) all.set(id, null);
    return new Map([...all.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * The first problem of one organization's log. Entries after its head were added since the head
   * was read: their links are checked, and the next verification checks them against the head.
   */
  private async logProblem(organizationId: string, log: AuditLog | null) {
    let previous: LogEntry | undefined;
    let atHead: LogEntry | undefined;
    for (;;) {
      const batch = (await this.entries.find({
        select: {
          id: true,
          requestId: true,
          organizationId: true,
          logSeq: true,
          logPrevHash: true,
          hash: true,
        },
        where: {
          organizationId,
          logSeq: previous ? MoreThan(previous.logSeq!) : Not(IsNull()),
        },
        order: { logSeq: 'ASC' },
        take: LOG_BATCH,
      })) as LogEntry[];
      for (const entry of batch) {
        const problem = linkInLog(entry, previous);
        if (problem) return { ...problem, ...at(entry) };
        if (entry.logSeq === log?.seq) atHead = entry;
        previous = entry;
      }
      if (batch.length < LOG_BATCH) break;
    }
    const problem = headInLog(log, previous, atHead);
    if (!problem) return null;
    const where = previous
      ? at(previous)
      : { id: organizationId, requestId: null, organizationId, seq: 0 };
    return { ...problem, ...where };
  }
}

function at(entry: LogEntry): Omit<BrokenHistory, keyof AuditProblem> {
  const { id, requestId, organizationId } = entry;
  return { id, requestId, organizationId, seq: entry.logSeq! };
}

function linkInLog(entry: LogEntry, previous: LogEntry | undefined): AuditProblem | null {
  const expected = previous ? previous.logSeq! + 1 : 1;
  if (entry.logSeq !== expected) {
    return {
      kind: 'log_gap',
      problem:
        `place ${entry.logSeq} in the organization's log where ${expected} was expected: ` +
        'entries were deleted (a whole request, row and history, leaves this gap)',
    };
  }
  if (entry.logPrevHash !== (previous?.hash ?? GENESIS_HASH)) {
    return {
      kind: 'log_link_broken',
      problem: "does not point to the entry before it in the organization's log",
    };
  }
  return null;
}

function headInLog(
  log: AuditLog | null,
  last: LogEntry | undefined,
  atHead: LogEntry | undefined,
): AuditProblem | null {
  if (!log) return { kind: 'log_link_broken', problem: "the organization's log has no head" };
  const lastSeq = last?.logSeq ?? 0;
  if (lastSeq < log.seq) {
    return {
      kind: 'log_gap',
      problem:
        `the organization's log ends at ${lastSeq} where its head is at ${log.seq}: ` +
        'its last entries were deleted',
    };
  }
  if ((atHead?.hash ?? GENESIS_HASH) !== log.headHash) {
    return {
      kind: 'log_link_broken',
      problem: "the organization's log head is not its last entry",
    };
  }
  return null;
}
