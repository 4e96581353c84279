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

/**
 * Planning (mail, webhooks) reads the database and records what is owed, each record once however
 * often it runs: retry quickly, for about ten minutes.
 */
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

/**
 * Sign-in mail: a link lives fifteen minutes, so retry fast and give up within about four (2 s ×
 * 2^7); a run after the link expired sends nothing. Completed jobs are kept a day: long enough to
 * make a replay a no-op, as the link cannot outlive it.
 */
export const SIGN_IN_MAIL_JOB_POLICY: JobPolicy = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
  removeOnComplete: { age: DAY_SECONDS, count: 100_000 },
  removeOnFail: KEEP_FAILED,
};

/** Webhooks: receivers are often down for deploys; retry for about a day. */
export const WEBHOOK_JOB_POLICY: JobPolicy = {
  attempts: 15,
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Deadlines change a request or write an event, once however often they run: as planning. */
export const DEADLINE_JOB_POLICY: JobPolicy = PLAN_JOB_POLICY;

/**
 * How workers hold their jobs. A worker that dies (kill -9, lost host) leaves its active jobs
 * locked until the lock expires; the next stalled-job check then gives them to another worker. A
 * 10 s lock renewed every 5 s, checked every 5 s, hands them on within about 15 s instead of a
 * minute with BullMQ's defaults. A job may stall three times before it fails, so a few crashes in
 * a row lose nothing, while a job that kills every worker it runs on still ends.
 */
export const WORKER_LOCKS = {
  lockDuration: 10_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
} as const;
