import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { asParameter, inTransaction, insert, Queryable, Row } from '../lib/bare-rows';
import { percentiles } from '../lib/percentiles';

/** What one of the four transactions writes, copied from the engine's rows of one lifecycle. */
interface StepTemplate {
  entry: Row;
  outbox: Row;
  /** The approval rows the step adds (the approval's), none for the other steps. */
  approvals: Row[];
}

/** The rows of a lifecycle the engine completed in this run, to copy. */
interface LifecycleTemplates {
  /** The request as completed: the insert copies it in its first state, the last update its result. */
  request: Row;
  steps: StepTemplate[];
}

/** Submit, approve, start, complete: one history entry and one outbox row each. */
const STEPS = 4;

/**
 * The lifecycle's floor: a bare `pg` script writing the rows of the engine's four transactions
 * (submit, approve, start, complete), `clients` at a time, into the engine's own schema, each
 * transaction as the engine makes it: the approval row (approve only), a place taken in the
 * organization's log (`audit_logs`, upserted, which holds the row to the commit), the history entry,
 * the log's head moved on, the request inserted or updated (guarded by version and chain head, as
 * the engine's is), the outbox row. The rows are copies of those the engine wrote for one of its
 * completed lifecycles, so sizes and indexes match; the script only writes, as it knows the answers
 * the engine reads. Copies take no place in the real log (`log_seq` null), their log row is one of
 * their own (one organization, as all bench lifecycles are one customer's), and their outbox rows
 * are marked published so the running relay leaves them alone. A lifecycle counts when its fourth
 * transaction commits before the deadline.
 */
export async function runPgLifecycleBaseline(options: {
  pool: Pool;
  action: string;
  clients: number;
  seconds: number;
}): Promise<{ perSecond: number; p99Ms: number; completed: number }> {
  const { pool, clients, seconds } = options;
  const templates = await readTemplates(pool, options.action);
  const logId = randomUUID();
  const durationMs = seconds * 1000;
  const deadline = performance.now() + durationMs;
  const latencies: number[] = [];
  let completed = 0;
  const client = async () => {
    const connection = await pool.connect();
    try {
      while (performance.now() < deadline) {
        await writeLifecycle(connection, templates, logId, latencies);
        if (performance.now() <= deadline) completed++;
      }
    } finally {
      connection.release();
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return {
    perSecond: completed / seconds,
    p99Ms: percentiles(latencies).p99,
    completed,
  };
}

async function readTemplates(pool: Pool, action: string): Promise<LifecycleTemplates> {
  const rows = async (sql: string, params: unknown[]) => (await pool.query<Row>(sql, params)).rows;
  const [request] = await rows(
    `SELECT * FROM requests WHERE action = $1 AND state = 'completed' ORDER BY created_at LIMIT 1`,
    [action],
  );
  if (!request) throw new Error('the pg lifecycle baseline found no completed request to copy');
  const entries = await rows('SELECT * FROM audit_entries WHERE request_id = $1 ORDER BY seq', [
    request.id,
  ]);
  const outbox = await rows(
    'SELECT * FROM outbox_events WHERE aggregate_id = $1 ORDER BY created_at',
    [request.id],
  );
  const approvals = await rows('SELECT * FROM request_approvals WHERE request_id = $1', [
    request.id,
  ]);
  if (entries.length !== STEPS) {
    throw new Error(`the pg lifecycle baseline expected ${STEPS} entries, found ${entries.length}`);
  }
  const steps = entries.map((entry) => {
    const event = outbox.find((row) => row.type === entry.event);
    if (!event) {
      throw new Error(`the pg lifecycle baseline found no outbox row for ${String(entry.event)}`);
    }
    return {
      entry,
      outbox: event,
      approvals: entry.event === 'request.approved' ? approvals : [],
    };
  });
  return { request, steps };
}

/** The four transactions, one after the other, each one's time pushed to `latencies`. */
async function writeLifecycle(
  connection: Queryable,
  templates: LifecycleTemplates,
  logId: string,
  latencies: number[],
): Promise<void> {
  const requestId = randomUUID();
  for (let i = 0; i < templates.steps.length; i++) {
    const began = performance.now();
    await inTransaction(connection, () => writeStep(connection, templates, i, requestId, logId));
    latencies.push(performance.now() - began);
  }
}

async function writeStep(
  connection: Queryable,
  { request, steps }: LifecycleTemplates,
  i: number,
  requestId: string,
  logId: string,
): Promise<void> {
  const { entry, outbox, approvals } = steps[i];
  const now = new Date();
  for (const approval of approvals) {
    await insert(connection, 'request_approvals', {
      ...approval,
      id: randomUUID(),
      request_id: requestId,
      created_at: now,
    });
  }
  await connection.query(
    `INSERT INTO audit_logs (organization_id, seq, head_hash, updated_at) VALUES ($1, 1, $2, $3)
     ON CONFLICT (organization_id) DO UPDATE SET seq = audit_logs.seq + 1
     RETURNING seq, head_hash`,
    [logId, entry.prev_hash, now],
  );
  await insert(connection, 'audit_entries', {
    ...entry,
    id: randomUUID(),
    request_id: requestId,
    created_at: now,
    log_seq: null,
  });
  await connection.query(
    'UPDATE audit_logs SET head_hash = $2, updated_at = $3 WHERE organization_id = $1',
    [logId, entry.hash, now],
  );
  const head = { state: entry.to_state, version: i + 1, audit_seq: entry.seq };
  if (i === 0) {
    await insert(connection, 'requests', {
      ...request,
      ...head,
      id: requestId,
      audit_hash: entry.hash,
      result: null,
      created_at: now,
      updated_at: now,
    });
  } else {
    await updateRequest(connection, requestId, steps[i - 1].entry.hash, {
      ...(i === steps.length - 1 ? { result: request.result } : {}),
      ...head,
      audit_hash: entry.hash,
      updated_at: now,
    });
  }
  await insert(connection, 'outbox_events', {
    ...outbox,
    id: randomUUID(),
    aggregate_id: requestId,
    created_at: now,
    published_at: now,
  });
}

/** The engine's guarded update: refused unless the row is still at the version and head read. */
async function updateRequest(connection: Queryable, id: string, hash: unknown, set: Row) {
  const columns = Object.keys(set);
  const version = (set.version as number) - 1;
  const result = await connection.query(
    `UPDATE requests SET ${columns.map((c, k) => `"${c}" = $${k + 1}`).join(', ')}
     WHERE id = $${columns.length + 1} AND version = $${columns.length + 2}
       AND audit_hash = $${columns.length + 3}`,
    [...columns.map((c) => asParameter(set[c])), id, version, hash],
  );
  if (result.rowCount !== 1) throw new Error(`the pg lifecycle baseline lost request ${id}`);
}
