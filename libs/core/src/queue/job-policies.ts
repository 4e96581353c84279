import type { JobsOptions } from 'bullmq';

/** Retry, backoff and retention of a kind of job; every field is set on purpose. */
export type JobPolicy = Readonly<
  Required<Pick<JobsOptions, 'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail'>>
>;

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Mail: SMTP outages are usually short, so retry fast at first and back off to about an hour
 * (2 s × 2^11), with jitter so a recovering server is not hit by every job at once.
 */
export const MAIL_JOB_POLICY: JobPolicy = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
  removeOnComplete: { age: DAY_SECONDS, count: 10_000 },
  removeOnFail: { age: 14 * DAY_SECONDS, count: 100_000 },
};
