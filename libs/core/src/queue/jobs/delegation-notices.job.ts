import { PLAN_JOB_POLICY } from '../job-policies';
import { JobName, QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/**
 * Tells the two people of each delegation that started or ended and was not told yet. Queued for
 * one delegation at its start, at its end and when it is ended early; a job scheduler
 * (`DELEGATION_NOTICES_SCHEDULER`) also runs it every minute, so a lost job delays a notice only.
 */
export interface DelegationNoticesJob {
  /** The delegation the job was queued for; null on the scheduler's runs. */
  delegationId: string | null;
  moment: 'starts' | 'ends' | 'ended' | 'sweep';
}

export interface DelegationNoticesResult {
  /** Notices given (one per delegation and moment, to both of its people). */
  notices: number;
}

/** The one scheduler of the sweep; upserted by every worker at start. */
export const DELEGATION_NOTICES_SCHEDULER = 'delegation-notices.minutely';

export const DELEGATION_NOTICES: JobDefinition<DelegationNoticesJob> = {
  queue: QueueName.Delegations,
  policy: PLAN_JOB_POLICY,
  id: ({ delegationId, moment }) =>
    `${JobName.DelegationNotices}.${delegationId ?? 'all'}.${moment}`,
};
