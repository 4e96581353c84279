import { PLAN_JOB_POLICY } from '../job-policies';
import { QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/**
 * One user's daily digest: the Informed news kept for them since their last digest, as one message
 * recorded in the delivery ledger and sent by a `send-mail` job.
 */
export interface PlanDigestJob {
  userId: string;
  /** The local day (`DIGEST_TIMEZONE`) of the digest, `yyyy-mm-dd`. */
  day: string;
}

export interface PlanDigestResult {
  userId: string;
  day: string;
  /**
   * `planned`: its message is recorded and queued; `already-planned`: an earlier run did it (queued
   * again if still unsent); `nothing-new`: no news waited; `not-wanted`: the user chose `off`, or is
   * deactivated or gone, and the news waiting for them is dropped.
   */
  outcome: 'planned' | 'already-planned' | 'nothing-new' | 'not-wanted';
  deliveryId: string | null;
  /** News items in the digest. */
  items: number;
}

/** One digest per user and day, however many ticks, workers or reruns ask for it. */
export const PLAN_DIGEST: JobDefinition<PlanDigestJob> = {
  queue: QueueName.Digests,
  policy: PLAN_JOB_POLICY,
  id: ({ userId, day }) => `digest.${userId}.${day}`,
};
