import type { JobsOptions } from 'bullmq';

/** Retry, backoff and retention of a kind of job; every field is set on purpose. */
export type JobPolicy = Readonly<
  Required<Pick<JobsOptions, 'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail'>>
>;

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Completed jobs are kept a week: their ids are what makes a replayed event a no-op, so they must
 * outlive any outage after which an event could be relayed again.
 */
const KEEP_COMPLETED = { age: 7 * DAY_SECONDS, count: 100_000 };
const KEEP_FAILED = { age: 30 * DAY_SECONDS, count: 100_000 };

/** Planning only reads the database: retry quickly, for about ten minutes. */
export const PLAN_JOB_POLICY: JobPolicy = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/**
 * Mail: SMTP outages are usually short, so retry fast at first and back off to about an hour
 * (2 s × 2^11), with jitter so a recovering server is not hit by every job at once.
 */
export const MAIL_JOB_POLICY: JobPolicy = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Webhooks: receivers are often down for deploys; retry for about a day. */
export const WEBHOOK_JOB_POLICY: JobPolicy = {
  attempts: 15,
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Deadlines only read and write the database: retry quickly, for about ten minutes. */
export const DEADLINE_JOB_POLICY: JobPolicy = PLAN_JOB_POLICY;
