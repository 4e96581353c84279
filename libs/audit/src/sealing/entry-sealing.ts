import { EntityManager } from 'typeorm';
import { AuditEntry } from '../audit-entry.entity';
import { entryFields, GENESIS_HASH, linkProblem } from '../audit-chain';
import { AuditLog } from '../audit-log.entity';
import type { AuditKeys } from '../keys/audit-keys';
import { holdLog, placeholders } from '../log/tenant-log';
import { legacyEntryHash, legacyLinkProblem } from './legacy-chain';
import { UnsealableHistoryError } from './unsealable-history.error';

/**
 * Seals one organization's request history, in the caller's transaction: holds its log, checks
 * every request's chain (plain hashes before keys, MACs since), then gives every entry its place in
 * the log (those recorded before keys first, by time, then those since, in their order) and a MAC
 * under AUDIT_KEY, every request row its head, and the log its `audit_logs` row.
 */
export class EntrySealing {
  constructor(
    private readonly manager: EntityManager,
    private readonly keys: AuditKeys,
  ) {}

  /** Whether there was anything to seal; throws UnsealableHistoryError where a chain is broken. */
  async seal(organizationId: string, at: Date): Promise<boolean> {
    await holdLog(this.manager, organizationId, at);
    const entries = await this.manager.find(AuditEntry, {
      where: { organizationId },
      order: { requestId: 'ASC', seq: 'ASC' },
    });
    if (!entries.some((entry) => entry.keyId === null)) return false;
    const inLog = this.checkedInLogOrder(entries);
    // Places are given again from 1: none may hold one meanwhile (they are unique).
    await this.manager.update(AuditEntry, { organizationId }, { logSeq: null });
    const sealed = new Map<string, AuditEntry>();
    let log = { logSeq: 0, hash: GENESIS_HASH };
    for (const entry of inLog) {
      const previous = entry.seq > 1 ? sealed.get(`${entry.requestId}:${entry.seq - 1}`) : null;
      const keyed = {
        ...entry,
        prevHash: previous?.hash ?? GENESIS_HASH,
        logSeq: log.logSeq + 1,
        logPrevHash: log.hash,
        keyId: this.keys.currentId,
      };
      const row = Object.assign(new AuditEntry(), keyed, {
        hash: this.keys.mac(entryFields(keyed)),
      });
      const { prevHash, logSeq, logPrevHash, keyId, hash } = row;
      await this.manager.update(
        AuditEntry,
        { id: row.id },
        { prevHash, logSeq, logPrevHash, keyId, hash },
      );
      sealed.set(`${row.requestId}:${row.seq}`, row);
      log = { logSeq: keyed.logSeq, hash: row.hash };
    }
    await this.writeHeads(sealed);
    await this.manager.update(
      AuditLog,
      { organizationId },
      { seq: log.logSeq, headHash: log.hash, updatedAt: at },
    );
    return true;
  }

  /**
   * The entries, their chains checked, in the order of the log: those recorded before keys by time
   * (never before an earlier entry of their request), then the keyed ones in their log's order.
   */
  private checkedInLogOrder(entries: AuditEntry[]): AuditEntry[] {
    const legacy: { entry: AuditEntry; at: number }[] = [];
    const keyed: AuditEntry[] = [];
    let at = 0;
    entries.forEach((entry, i) => {
      const previous = entries[i - 1]?.requestId === entry.requestId ? entries[i - 1] : undefined;
      const problem =
        entry.keyId === null
          ? legacyLinkProblem(entry, previous, legacyEntryHash)
          : linkProblem(entry, previous, this.keys, entryFields, () => '')?.problem;
      if (problem) {
        throw new UnsealableHistoryError(
          `request ${entry.requestId}, entry ${entry.seq}: ${problem}`,
        );
      }
      at = Math.max(previous ? at : 0, entry.createdAt.getTime());
      if (entry.keyId === null) legacy.push({ entry, at });
      else keyed.push(entry);
    });
    legacy.sort(
      (a, b) =>
        a.at - b.at ||
        a.entry.requestId.localeCompare(b.entry.requestId) ||
        a.entry.seq - b.entry.seq,
    );
    keyed.sort((a, b) => (a.logSeq ?? 0) - (b.logSeq ?? 0));
    return [...legacy.map((l) => l.entry), ...keyed];
  }

  /** Each request's head: the place and MAC of its last entry. */
  private async writeHeads(sealed: Map<string, AuditEntry>): Promise<void> {
    const heads = new Map<string, AuditEntry>();
    for (const entry of sealed.values()) {
      const head = heads.get(entry.requestId);
      if (!head || head.seq < entry.seq) heads.set(entry.requestId, entry);
    }
    // Raw: the rows are the requests context's, whose entity this one does not import.
    const p = placeholders(this.manager);
    for (const [id, head] of heads) {
      await this.manager.query(
        `UPDATE requests SET audit_seq = ${p(1)}, audit_hash = ${p(2)} WHERE id = ${p(3)}`,
        [head.seq, head.hash, id],
      );
    }
  }
}
