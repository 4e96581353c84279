import { PLAN_JOB_POLICY } from '../job-policies';
import { JobName, QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/**
 * Every `AUDIT_CHECKPOINT_MINUTES` (a BullMQ job scheduler, `AUDIT_CHECKPOINTS_SCHEDULER`): sign a
 * checkpoint of every audit log whose head moved since its last one, and push each new checkpoint
 * to the webhooks that asked for it.
 */
export interface SignAuditCheckpointsJob {
  /** The instant the run stands for (ISO 8601); null on the scheduler's runs, which use their run time. */
  at: string | null;
}

export interface SignAuditCheckpointsResult {
  /** Checkpoints this run signed (a log another worker sealed first is not counted). */
  signed: number;
  /** Checkpoints whose webhook dispatch this run queued, its own and any an earlier run left. */
  published: number;
}

/** The one scheduler of checkpoint runs; upserted by every worker at start. */
export const AUDIT_CHECKPOINTS_SCHEDULER = 'audit-checkpoints.every';

/** Runs of the scheduler get their ids from BullMQ; a run queued by hand is named by its instant. */
export const SIGN_AUDIT_CHECKPOINTS: JobDefinition<SignAuditCheckpointsJob> = {
  queue: QueueName.AuditCheckpoints,
  policy: PLAN_JOB_POLICY,
  id: ({ at }) => `${JobName.SignAuditCheckpoints}.${at ?? 'now'}`,
};
