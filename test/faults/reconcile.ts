import { Queue } from 'bullmq';
import {
  createRedisClient,
  isClusterUrl,
  QueueName,
  RedisClient,
  redisOptions,
  RequestEvent,
} from '@app/core';
import { audiencesOf } from '@app/notifications';
import { SmtpListener } from '../helpers/smtp-listener';
import { ThrowawayPostgres } from '../helpers/throwaway-postgres';
import { waitFor } from '../helpers/wait-for';

/**
 * The queues' Redis: REDIS_URL, or a function opening a client of it, for a cluster whose
 * certificates only the client's own options can make this process trust.
 */
export type QueueRedis = string | (() => RedisClient);

/** What the database owes and what the SMTP listener got, compared. */
export interface Reconciliation {
  events: number;
  /** Committed outbox events not yet relayed, or whose mail planning job has not completed. */
  unplanned: string[];
  /** Message-IDs of the delivery ledger, one per event and recipient. */
  expected: number;
  received: number;
  missing: string[];
  duplicated: string[];
  /** Received Message-IDs the ledger does not know. */
  unexpected: string[];
  /** Mail jobs waiting, active or delayed: a rerun could still send a duplicate. */
  pendingMail: number;
}

interface LedgerRow {
  message_id: string;
  status: string;
}

/**
 * Compares the committed outbox events and the delivery ledger (one row per event × recipient,
 * whose Message-ID derives from both) with the Message-IDs the listener received. `except` names
 * deliveries that are owed no SMTP acceptance (dead letters) by status.
 */
export async function reconcile(
  postgres: ThrowawayPostgres,
  redis: QueueRedis,
  queuePrefix: string,
  smtp: SmtpListener,
  { exceptStatus = [] as string[] } = {},
): Promise<Reconciliation> {
  const events = await postgres.query<{ id: string; published: boolean; payload: RequestEvent }>(
    'SELECT id, published_at IS NOT NULL AS published, payload FROM outbox_events',
  );
  // BullMQ opens a Redis Cluster only from a client, which it then leaves open: closed below.
  const cluster =
    typeof redis === 'function'
      ? redis()
      : isClusterUrl(redis)
        ? createRedisClient(redis)
        : undefined;
  const options = { connection: cluster ?? redisOptions(redis as string), prefix: queuePrefix };
  const plans = new Queue(QueueName.Notifications, options);
  const mail = new Queue(QueueName.Mail, options);
  const unplanned: string[] = [];
  let pendingMail: number;
  try {
    for (const event of events) {
      // An event nobody hears of by mail is fanned out to no planning job.
      if (event.published && audiencesOf(event.payload).length === 0) continue;
      const state = event.published ? await plans.getJobState(event.id) : 'unpublished';
      if (state !== 'completed') unplanned.push(`${event.id} (${state})`);
    }
    const counts = await mail.getJobCounts('waiting', 'active', 'delayed');
    pendingMail = counts.waiting + counts.active + counts.delayed;
  } finally {
    await Promise.all([plans.close(), mail.close()]);
    cluster?.disconnect();
  }
  const ledger = await postgres.query<LedgerRow>(
    'SELECT message_id, status FROM notification_deliveries',
  );
  const expected = new Set(
    ledger.filter((row) => !exceptStatus.includes(row.status)).map((row) => row.message_id),
  );
  // The cast signs in by emailed link before the fault; a link already used when its job runs
  // is not mailed, so those mails are known but not owed, and left out of the count.
  const signInMails = new Set(
    (await postgres.query<{ id: string }>('SELECT id FROM sign_in_links')).map(
      ({ id }) => `<sign-in.${id}@raci-engine>`,
    ),
  );
  const messages = smtp.messages.filter((mail) => !signInMails.has(mail.messageId));
  const counts = new Map<string, number>();
  for (const mail of messages) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
  const known = new Set(ledger.map((row) => row.message_id));
  return {
    events: events.length,
    unplanned,
    expected: expected.size,
    received: messages.length,
    missing: [...expected].filter((id) => !counts.has(id)),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`),
    unexpected: [...counts.keys()].filter((id) => !known.has(id)),
    pendingMail,
  };
}

/** Waits until every committed event is planned and every owed message arrived, then reconciles. */
export async function settledReconciliation(
  postgres: ThrowawayPostgres,
  redis: QueueRedis,
  queuePrefix: string,
  smtp: SmtpListener,
  options: { exceptStatus?: string[]; timeoutMs?: number } = {},
): Promise<Reconciliation> {
  let last: Reconciliation | undefined;
  try {
    return await waitFor(
      async () => {
        last = await reconcile(postgres, redis, queuePrefix, smtp, options);
        const settled = !last.unplanned.length && !last.missing.length && !last.pendingMail;
        return settled ? last : undefined;
      },
      'every committed event to be planned and every owed message to arrive',
      { timeoutMs: options.timeoutMs ?? 60_000, intervalMs: 500 },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${describe(last)}`, { cause: error });
  }
}

/** The reconciliation as an assertion message that names what is missing or doubled. */
export function describe(r: Reconciliation | undefined): string {
  if (!r) return 'no reconciliation ran';
  const list = (ids: string[]) => (ids.length ? `: ${ids.slice(0, 20).join(', ')}` : '');
  return [
    `${r.events} events, ${r.expected} messages owed, ${r.received} received, ${r.pendingMail} mail jobs pending`,
    `unplanned ${r.unplanned.length}${list(r.unplanned)}`,
    `missing ${r.missing.length}${list(r.missing)}`,
    `duplicated ${r.duplicated.length}${list(r.duplicated)}`,
    `unexpected ${r.unexpected.length}${list(r.unexpected)}`,
  ].join('\n');
}

/**
 * Message-IDs the listener holds whose delivery the ledger does not record as sent. Taken after a
 * worker is killed, before anything else sends, these are the messages the SMTP server accepted
 * in the instant the worker died, before it could record it: the one window where no sender can
 * know, and where a rerun sends the same message again (same Message-ID, so the receiving side
 * can drop it).
 */
export async function acceptedButUnrecorded(
  postgres: ThrowawayPostgres,
  smtp: SmtpListener,
): Promise<Set<string>> {
  // The listener may still be reading what the worker finished sending just before it died.
  let seen = -1;
  await waitFor(
    () => {
      const settled = smtp.messages.length === seen;
      seen = smtp.messages.length;
      return settled;
    },
    'the SMTP listener to finish what it was receiving',
    { intervalMs: 250 },
  );
  const received = new Set(smtp.messages.map((mail) => mail.messageId));
  const unsent = await postgres.query<{ message_id: string }>(
    "SELECT message_id FROM notification_deliveries WHERE status <> 'sent'",
  );
  return new Set(unsent.map((row) => row.message_id).filter((id) => received.has(id)));
}

/**
 * Fails, listing the ids, unless nothing is missing, doubled or unknown. `inDoubt` are messages
 * accepted by the server as the worker died (see `acceptedButUnrecorded`): those alone may arrive
 * twice, never more.
 */
export function expectExactlyOnce(r: Reconciliation, inDoubt = new Set<string>()): void {
  const doubled = r.duplicated.filter((entry) => {
    const [id, times] = entry.split(' ×');
    return !(inDoubt.has(id) && times === '2');
  });
  const clean =
    r.unplanned.length === 0 &&
    r.missing.length === 0 &&
    doubled.length === 0 &&
    r.unexpected.length === 0 &&
    r.received === r.expected + (r.duplicated.length - doubled.length);
  if (!clean)
    throw new Error(`not exactly once:\n${describe(r)}\nin doubt: ${[...inDoubt].join(', ')}`);
}
