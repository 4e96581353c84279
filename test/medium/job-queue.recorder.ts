import { Injectable } from '@nestjs/common';
import { JobItem, JobQueue } from '@app/core';

/**
 * The medium tier's `JobQueue`: it keeps the jobs it is asked to enqueue instead of sending them to
 * Redis, in the order they came, so a test reads exactly what the engine asked for.
 */
@Injectable()
export class JobRecorder implements Pick<JobQueue, 'enqueue' | 'schedule'> {
  private recorded: JobItem[] = [];
  /** The job schedulers the engine set up at start, by id. */
  readonly schedulers = new Map<
    string,
    { every: { pattern: string; tz: string } | { every: number }; item: JobItem }
  >();

  enqueue(items: readonly JobItem[]): Promise<void> {
    this.recorded.push(...items);
    return Promise.resolve();
  }

  schedule(
    schedulerId: string,
    every: { pattern: string; tz: string } | { every: number },
    item: JobItem,
  ) {
    this.schedulers.set(schedulerId, { every, item });
    return Promise.resolve();
  }

  /** Every job enqueued since the last `clear()`. */
  get jobs(): readonly JobItem[] {
    return [...this.recorded];
  }

  clear(): void {
    this.recorded = [];
  }
}
