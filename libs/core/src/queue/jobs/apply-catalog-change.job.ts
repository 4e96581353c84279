import { PLAN_JOB_POLICY } from '../job-policies';
import { JobName, QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/**
 * A request for `catalog.change-matrix` was decided: approved, its draft version is put in force
 * (at its `effectiveAt` or at once); rejected or cancelled, the draft is discarded.
 */
export interface ApplyCatalogChangeJob {
  requestId: string;
  decision: 'approved' | 'rejected' | 'cancelled';
}

export interface ApplyCatalogChangeResult {
  requestId: string;
  version: number | null;
  /** What the run did; a run again after it did it answers `unchanged`. */
  outcome: 'activated' | 'scheduled' | 'discarded' | 'unchanged' | 'not-a-change';
}

/** One decision of one request: enqueued again (a replayed event), it runs once. */
export const APPLY_CATALOG_CHANGE: JobDefinition<ApplyCatalogChangeJob> = {
  queue: QueueName.CatalogChanges,
  policy: PLAN_JOB_POLICY,
  id: ({ requestId, decision }) => `${requestId}.${JobName.ApplyCatalogChange}.${decision}`,
};
