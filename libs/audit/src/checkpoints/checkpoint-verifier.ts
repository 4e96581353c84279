import { Injectable } from '@nestjs/common';
import type { CheckpointLog } from '@app/core';
import { AuditErrorCode, AuditException } from '../admin/admin-audit.exception';
import { GENESIS_HASH } from '../audit-chain';
import { AdminLogReader } from './admin-log.reader';
import { HistoryLogReader } from './history-log.reader';
import { CheckpointKeys } from './checkpoint-keys';
import { CheckpointLogReader, LogLink } from './checkpoint-log';
import { checkpointStatement } from './checkpoint-statement';

/** A checkpoint as it comes back to be verified: what it states, its key and signature. */
export interface CheckpointClaim {
  organizationId: string;
  log: CheckpointLog;
  seq: number;
  root: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** How a log fails what a checkpoint sealed: each kind has one meaning, for tools to act on. */
export enum CheckpointBreak {
  /** An entry the checkpoint covers is gone: its place in the log's sequence is empty. */
  DeletedBeforeCheckpoint = 'deleted_before_checkpoint',
  /** An entry does not point to the one before it. */
  LogLinkBroken = 'log_link_broken',
  /** An entry's content no longer matches its hash. */
  EntryAltered = 'entry_altered',
  /** The entry at the checkpoint's sequence is not the one it sealed. */
  RootMismatch = 'root_mismatch',
}

export interface CheckpointVerification {
  ok: boolean;
  /** Entries that held, before the first that did not. */
  checked: number;
  firstBroken?: { kind: CheckpointBreak; seq: number; problem: string };
}

const BATCH = 1_000;

/**
 * Checks an exported checkpoint against the log today: its signature first (a forged or unknown
 * one is refused), then that the log still holds every entry up to its sequence, each linked to
 * the one before and intact, the last hashing to its root.
 */
@Injectable()
export class CheckpointVerifier {
  private readonly readers: Map<CheckpointLog, CheckpointLogReader>;

  constructor(
    private readonly keys: CheckpointKeys,
    history: HistoryLogReader,
    admin: AdminLogReader,
  ) {
    this.readers = new Map<CheckpointLog, CheckpointLogReader>([
      [history.log, history],
      [admin.log, admin],
    ]);
  }

  async verify(claim: CheckpointClaim): Promise<CheckpointVerification> {
    const statement = checkpointStatement({ ...claim, signedAt: new Date(claim.signedAt) });
    const check = this.keys.check(statement, claim.keyId, claim.signature);
    if (check === 'unknown-key') throw new AuditException(AuditErrorCode.CheckpointKeyUnknown);
    if (check !== 'valid') throw new AuditException(AuditErrorCode.CheckpointSignatureInvalid);
    const reader = this.readers.get(claim.log);
    if (!reader) throw new AuditException(AuditErrorCode.CheckpointSignatureInvalid);
    return this.walk(reader, claim);
  }

  private async walk(
    reader: CheckpointLogReader,
    { organizationId, seq, root }: CheckpointClaim,
  ): Promise<CheckpointVerification> {
    let checked = 0;
    let previous: LogLink | undefined;
    for (;;) {
      const batch = await reader.links(organizationId, previous?.seq ?? 0, seq, BATCH);
      for (const link of batch) {
        const broken = breakOf(link, previous);
        if (broken) return { ok: false, checked, firstBroken: broken };
        checked += 1;
        previous = link;
      }
      if (batch.length < BATCH) break;
    }
    const last = previous?.seq ?? 0;
    if (last < seq) {
      const missing = last + 1;
      return broken(checked, CheckpointBreak.DeletedBeforeCheckpoint, missing, gone(missing, seq));
    }
    if (previous?.hash !== root) {
      const problem = `entry ${seq} is not the one the checkpoint sealed (its hash is not the root)`;
      return broken(checked, CheckpointBreak.RootMismatch, seq, problem);
    }
    return { ok: true, checked };
  }
}

function breakOf(link: LogLink, previous: LogLink | undefined) {
  const expected = (previous?.seq ?? 0) + 1;
  if (link.seq !== expected) {
    return {
      kind: CheckpointBreak.DeletedBeforeCheckpoint,
      seq: expected,
      problem: `entry ${expected} is missing: the log goes on at ${link.seq}`,
    };
  }
  if (link.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    const problem = `entry ${link.seq} does not point to the entry before it`;
    return { kind: CheckpointBreak.LogLinkBroken, seq: link.seq, problem };
  }
  if (!link.intact) {
    const problem = `entry ${link.seq}: its content does not match its MAC (edited, or re-hashed without the key)`;
    return { kind: CheckpointBreak.EntryAltered, seq: link.seq, problem };
  }
  return undefined;
}

function gone(missing: number, seq: number): string {
  return missing === seq
    ? `entry ${seq} is missing`
    : `entries ${missing} to ${seq} are missing: the log ends at ${missing - 1}`;
}

function broken(checked: number, kind: CheckpointBreak, seq: number, problem: string) {
  return { ok: false, checked, firstBroken: { kind, seq, problem } };
}
