import type { MailMessage } from '../mail/mail-message';
import { DeliveryStatus } from './notification-delivery.entity';

/** What a send job reads of its delivery before sending: whether it is still owed, and what. */
export interface DeliveryClaim {
  id: string;
  status: DeliveryStatus;
  message: MailMessage;
}

/** Runs one SQL statement and answers its rows. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Sent deliveries settled and the next deliveries read, several send jobs at a time, in one round
 * trip: an `UPDATE` in a `WITH` and a `SELECT` in the same statement. One round is in flight at a
 * time; what the jobs ask for meanwhile goes together in the next. Each job still waits for its own
 * settling to be written before it completes, so a crash loses no settling a job counted on.
 */
export class DeliveryRounds {
  private claims = new Map<string, Waiter<DeliveryClaim | null>[]>();
  private settles = new Map<string, Waiter<void> & { attempts: number }>();
  private running = false;
  private scheduled = false;

  constructor(private readonly run: RunQuery) {}

  /** The delivery a send job is about to send, or null when there is none. */
  claim(id: string): Promise<DeliveryClaim | null> {
    return new Promise((resolve, reject) => {
      this.claims.set(id, [...(this.claims.get(id) ?? []), { resolve, reject }]);
      this.schedule();
    });
  }

  /** Records a delivery as sent, after `attempts` attempts. */
  settleSent(id: string, attempts: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settles.get(id)?.resolve();
      this.settles.set(id, { attempts, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const claims = this.claims;
    const settles = this.settles;
    this.claims = new Map();
    this.settles = new Map();
    if (claims.size === 0 && settles.size === 0) return;
    this.running = true;
    try {
      const rows = (await this.run(ROUND_SQL, [
        [...settles.keys()],
        [...settles.values()].map((s) => s.attempts),
        [...claims.keys()],
      ])) as DeliveryClaim[];
      const found = new Map(rows.map((row) => [row.id, row]));
      for (const waiter of settles.values()) waiter.resolve();
      for (const [id, waiters] of claims) {
        for (const waiter of waiters) waiter.resolve(found.get(id) ?? null);
      }
    } catch (error) {
      for (const waiter of settles.values()) waiter.reject(error);
      for (const waiters of claims.values()) for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.running = false;
      if (this.claims.size > 0 || this.settles.size > 0) this.schedule();
    }
  }
}

/**
 * $1, $2: the deliveries sent and their attempts; $3: the deliveries claimed. The UPDATE runs to
 * completion though nothing reads its output; the SELECT sees the rows as they were before it.
 */
export const ROUND_SQL = `
  WITH settled AS (
    UPDATE notification_deliveries AS d
       SET status = '${DeliveryStatus.Sent}', attempts = s.attempts, sent_at = now(), last_error = NULL
      FROM unnest($1::uuid[], $2::int[]) AS s(id, attempts)
     WHERE d.id = s.id
    RETURNING d.id)
  SELECT id, status, message FROM notification_deliveries WHERE id = ANY($3::uuid[])`;
