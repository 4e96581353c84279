import { Queue } from 'bullmq';
import { waitFor } from './wait-for';

/** Waits until a queue has nothing waiting, active or delayed, and returns its final counts. */
export async function waitForJobs(
  queue: Queue,
  timeoutMs = 15_000,
): Promise<Record<string, number>> {
  return waitFor(
    async () => {
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'completed',
        'failed',
      );
      return counts.waiting + counts.active + counts.delayed === 0 ? counts : undefined;
    },
    `queue ${queue.name} to drain`,
    { timeoutMs },
  );
}
