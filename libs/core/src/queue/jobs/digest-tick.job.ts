import { PLAN_JOB_POLICY } from '../job-policies';
import { JobName, QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/**
 * Every hour (a BullMQ job scheduler, `DIGEST_TICK_SCHEDULER`): once the day's digest hour has come,
 * queue one `plan-digest` job for each user with news waiting from before it.
 */
export interface DigestTickJob {
  /** The instant the tick stands for (ISO 8601); null on the scheduler's ticks, which use their run time. */
  at: string | null;
}

export interface DigestTickResult {
  /** The local day (`DIGEST_TIMEZONE`) the tick looked at, `yyyy-mm-dd`. */
  day: string;
  outcome: 'before-digest-hour' | 'queued';
  /** `plan-digest` jobs queued (a user's job already queued that day runs once all the same). */
  digests: number;
}

/** The one scheduler of digest ticks; upserted by every worker at start, so there is only ever one. */
export const DIGEST_TICK_SCHEDULER = 'digest-tick.hourly';

/**
 * Ticks of the scheduler get their ids from BullMQ (one per hour); a tick queued by hand is named by
 * the instant it stands for.
 */
export const DIGEST_TICK: JobDefinition<DigestTickJob> = {
  queue: QueueName.Digests,
  policy: PLAN_JOB_POLICY,
  id: ({ at }) => `${JobName.DigestTick}.${at ?? 'now'}`,
};
