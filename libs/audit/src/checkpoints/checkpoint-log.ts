import type { CheckpointLog } from '@app/core';

/** The newest entry of an organization's log: what a checkpoint seals. */
export interface LogHead {
  organizationId: string;
  seq: number;
  /** Its hash. */
  root: string;
}

/** One entry of a log as a checkpoint's verification walks it. */
export interface LogLink {
  seq: number;
  prevHash: string;
  hash: string;
  /** Whether its hash is still that of its content. */
  intact: boolean;
}

/** How checkpoints read one kind of audit log of the organizations. */
export interface CheckpointLogReader {
  readonly log: CheckpointLog;
  /** The head of every organization's log that has entries past its latest checkpoint. */
  movedHeads(): Promise<LogHead[]>;
  /** The entries of an organization's log with `after < seq <= upTo`, in order, at most `limit`. */
  links(organizationId: string, after: number, upTo: number, limit: number): Promise<LogLink[]>;
}
