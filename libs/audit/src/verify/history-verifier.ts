import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditEntry } from '../audit-entry.entity';
import { AuditProblem, entryFields, linkProblem, unsealedProblem } from '../audit-chain';
import { AuditKeys } from '../keys/audit-keys';
import { legacyEntryHash, legacyLinkProblem } from '../sealing/legacy-chain';
import { TenantLogVerifier } from './tenant-log-verifier';

/** The first problem found: where (an entry, or a request or organization without one), and what. */
export interface BrokenHistory extends AuditProblem {
  /** The entry's id; the request's where no entry is there to name; the organization's for a log. */
  id: string;
  requestId: string | null;
  organizationId: string;
  /** The place in the request's history (or in the organization's log, for `log_*` kinds). */
  seq: number;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: BrokenHistory;
}

/** What verification reads of a request row: what its history must end with. */
interface RequestHead {
  id: string;
  organizationId: string;
  state: string;
  version: number;
  auditSeq: number | null;
  auditHash: string | null;
}

const REQUEST_BATCH = 200;

/**
 * Checks the history: each request's entries, chained and keyed, against the head, state and
 * version its row keeps (a request whose entries were all deleted is found by its row), then each
 * organization's log, where a request deleted whole leaves a gap.
 */
@Injectable()
export class HistoryVerifier {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly keys: AuditKeys,
    private readonly logs: TenantLogVerifier,
  ) {}

  async verify(organizationId?: string): Promise<AuditVerification> {
    let checked = 0;
    let after: string | undefined;
    // The first entry recorded before keys whose plain chain holds: named only if no entry of
    // that time is found whose chain was broken then, which says why sealing left it.
    let unsealed: BrokenHistory | undefined;
    const pending = ({ checked: _, ...found }: BrokenHistory & { checked: number }) =>
      (unsealed ??= found);
    for (;;) {
      const requests = await this.requestsAfter(after, organizationId);
      const chains = await this.chainsOf(requests.map((r) => r.id));
      for (const request of requests) {
        const chain = chains.get(request.id) ?? [];
        const found = this.requestProblem(request, chain, pending);
        if (found) {
          const { checked: before, ...firstBroken } = found;
          return { ok: false, checked: checked + before, firstBroken };
        }
        checked += chain.length;
      }
      if (requests.length < REQUEST_BATCH) break;
      after = requests[requests.length - 1].id;
    }
    if (unsealed) return { ok: false, checked, firstBroken: unsealed };
    const broken = await this.logs.firstProblem(organizationId);
    return broken ? { ok: false, checked, firstBroken: broken } : { ok: true, checked };
  }

  private requestProblem(
    request: RequestHead,
    chain: AuditEntry[],
    pending: (found: BrokenHistory & { checked: number }) => void,
  ): (BrokenHistory & { checked: number }) | null {
    const about = (problem: AuditProblem, seq: number, checked: number, id = request.id) => ({
      ...problem,
      id,
      requestId: request.id,
      organizationId: request.organizationId,
      seq,
      checked,
    });
    if (chain.length === 0) {
      return about(
        {
          kind: 'history_deleted',
          problem: `the request (${request.state}, version ${request.version}) has no history: every entry was deleted`,
        },
        1,
        0,
      );
    }
    for (const [i, entry] of chain.entries()) {
      const problem = this.entryProblem(entry, chain[i - 1]);
      if (problem && 'intact' in problem) pending(about(problem.unsealed, entry.seq, i, entry.id));
      else if (problem) return about(problem, entry.seq, i, entry.id);
    }
    const problem = headProblem(request, chain);
    return problem ? about(problem, chain[chain.length - 1].seq, chain.length) : null;
  }

  /** The entry's problem; one recorded before keys whose plain chain holds is only `intact`. */
  private entryProblem(
    entry: AuditEntry,
    previous: AuditEntry | undefined,
  ): AuditProblem | { intact: true; unsealed: AuditProblem } | null {
    let intact = false;
    const problem = linkProblem(entry, previous, this.keys, entryFields, (e, p) => {
      const legacy = legacyLinkProblem(e, p, legacyEntryHash);
      intact = legacy === null;
      return unsealedProblem(legacy);
    });
    return problem && intact ? { intact, unsealed: problem } : problem;
  }

  private async requestsAfter(
    after: string | undefined,
    organizationId?: string,
  ): Promise<RequestHead[]> {
    const query = this.entries.manager
      .createQueryBuilder()
      .select('r.id', 'id')
      .addSelect('r.organization_id', 'organizationId')
      .addSelect('r.state', 'state')
      .addSelect('r.version', 'version')
      .addSelect('r.audit_seq', 'auditSeq')
      .addSelect('r.audit_hash', 'auditHash')
      .from('requests', 'r')
      .orderBy('r.id', 'ASC')
      .limit(REQUEST_BATCH);
    if (organizationId) query.andWhere('r.organization_id = :organizationId', { organizationId });
    if (after) query.andWhere('r.id > :after', { after });
    const rows = await query.getRawMany<RequestHead>();
    return rows.map((row) => ({
      ...row,
      version: Number(row.version),
      auditSeq: row.auditSeq === null ? null : Number(row.auditSeq),
    }));
  }

  private async chainsOf(requestIds: string[]): Promise<Map<string, AuditEntry[]>> {
    const chains = new Map<string, AuditEntry[]>();
    if (requestIds.length === 0) return chains;
    const entries = await this.entries.find({
      where: { requestId: In(requestIds) },
      order: { requestId: 'ASC', seq: 'ASC' },
    });
    for (const entry of entries) {
      const chain = chains.get(entry.requestId) ?? [];
      chain.push(entry);
      chains.set(entry.requestId, chain);
    }
    return chains;
  }
}

/**
 * Whether the request row's head, state and version are those of its history's entry at the head.
 * Entries after it were added since the row was read: the next verification checks them against it.
 */
function headProblem(request: RequestHead, chain: AuditEntry[]): AuditProblem | null {
  const last = chain[chain.length - 1];
  if (request.auditSeq === null) {
    return last.keyId === null
      ? null
      : {
          kind: 'head_mismatch',
          problem: 'the request row keeps no head, yet its history is keyed',
        };
  }
  if (last.seq < request.auditSeq) {
    return {
      kind: 'entry_missing',
      problem:
        `the history ends at ${last.seq} where the request row's head is at ${request.auditSeq}: ` +
        'its last entries were deleted',
    };
  }
  // The chain was checked whole from 1: the entry at the head is at its place in it.
  const head = chain[request.auditSeq - 1];
  if (request.auditSeq < 1 || head.hash !== request.auditHash) {
    return {
      kind: 'head_mismatch',
      problem: "the request row's head is not an entry of its history",
    };
  }
  if (head.toState !== request.state || head.seq !== request.version) {
    return {
      kind: 'state_mismatch',
      problem:
        `the request row says ${request.state}, version ${request.version}, where its history ` +
        `says ${head.toState} at ${head.seq}`,
    };
  }
  return null;
}
