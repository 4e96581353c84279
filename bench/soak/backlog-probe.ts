import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { QueueName } from '@app/core';
import { redisConnection } from '../lib/bench-engine';

/** What the engine still owes at one moment. */
export interface Backlog {
  /** Outbox rows the relay has not yet published. */
  outbox: number;
  /** Notification jobs waiting, active, delayed or prioritized. */
  notifications: number;
  /** Mail jobs waiting, active, delayed or prioritized. */
  mail: number;
  /** Deliveries recorded but not yet sent (each has a mail job: not added to `total` twice). */
  deliveries_queued: number;
}

/** The outbox, the notification and mail queues and the delivery ledger of one bench engine. */
export class BacklogProbe {
  private readonly queues: Queue[];

  constructor(
    private readonly pool: Pool,
    prefix: string,
  ) {
    const connection = redisConnection();
    this.queues = [QueueName.Notifications, QueueName.Mail].map(
      (name) => new Queue(name, { connection, prefix }),
    );
  }

  async read(): Promise<Backlog> {
    const [{ rows }, notifications, mail] = await Promise.all([
      this.pool.query<{ outbox: string; deliveries: string }>(
        `SELECT (SELECT count(*) FROM outbox_events WHERE published_at IS NULL) AS outbox,
                (SELECT count(*) FROM notification_deliveries WHERE status = 'queued') AS deliveries`,
      ),
      ...this.queues.map((queue) => this.pending(queue)),
    ]);
    return {
      outbox: Number(rows[0].outbox),
      notifications,
      mail,
      deliveries_queued: Number(rows[0].deliveries),
    };
  }

  /** Deliveries by status once the run is over: any `failed` is mail the run lost. */
  async deliveryCounts(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ status: string; count: string }>(
      'SELECT status, count(*) AS count FROM notification_deliveries GROUP BY status',
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }

  private async pending(queue: Queue): Promise<number> {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  }
}
