import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { QueueName } from '@app/core';
import { waitFor } from '../../test/helpers/wait-for';
import { redisConnection } from './bench-engine';

/**
 * Waits until everything the engine owes is done: no unpublished outbox row, no notification or
 * mail job waiting, active or delayed, and no delivery still queued. Only then is the count of
 * messages the listener accepted the whole of what the load caused.
 */
export async function waitForPipelineDrain(
  pool: Pool,
  prefix: string,
  timeoutMs = 300_000,
): Promise<void> {
  const connection = redisConnection();
  const queues = [QueueName.Notifications, QueueName.Mail].map(
    (name) => new Queue(name, { connection, prefix }),
  );
  try {
    await waitFor(
      async () => {
        const { rows } = await pool.query<{ outbox: string; deliveries: string }>(
          `SELECT (SELECT count(*) FROM outbox_events WHERE published_at IS NULL) AS outbox,
                  (SELECT count(*) FROM notification_deliveries WHERE status = 'queued') AS deliveries`,
        );
        if (Number(rows[0].outbox) > 0 || Number(rows[0].deliveries) > 0) return false;
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          if (Object.values(counts).some((count) => count > 0)) return false;
        }
        return true;
      },
      'the outbox, the queues and the deliveries to drain',
      { timeoutMs, intervalMs: 200 },
    );
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}
