import type { CheckpointLog } from '@app/core';

/** What a checkpoint states: the fields its signature covers. */
export interface CheckpointFacts {
  organizationId: string;
  log: CheckpointLog;
  seq: number;
  root: string;
  signedAt: Date;
}

/** The version of the statement's layout, signed with it. */
export const STATEMENT_VERSION = 1;

/**
 * The exact text a checkpoint's signature covers: JSON of `{v, organizationId, log, seq, root,
 * signedAt}` in that order, without white space, the time in ISO 8601 to the millisecond (UTC).
 * Anyone can rebuild it from an exported checkpoint and check the signature on its UTF-8 bytes.
 */
export function checkpointStatement(facts: CheckpointFacts): string {
  return JSON.stringify({
    v: STATEMENT_VERSION,
    organizationId: facts.organizationId,
    log: facts.log,
    seq: facts.seq,
    root: facts.root,
    signedAt: facts.signedAt.toISOString(),
  });
}
