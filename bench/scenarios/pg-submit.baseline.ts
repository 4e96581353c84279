import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { inTransaction, insert, Queryable } from '../lib/bare-rows';
import { percentiles } from '../lib/percentiles';

/** The three rows one submission writes, as the engine wrote them, to copy. */
interface RowTemplates {
  request: Record<string, unknown>;
  audit: Record<string, unknown>;
  outbox: Record<string, unknown>;
}

/**
 * The submission's floor: a bare `pg` script writing the same three rows (request, history entry,
 * outbox row) in one transaction per request, `clients` at a time, into the engine's own schema.
 * The rows are copies of ones the engine wrote, so sizes and indexes match. Outbox copies are
 * marked published so the running relay leaves them alone.
 */
export async function runPgSubmitBaseline(options: {
  pool: Pool;
  action: string;
  clients: number;
  seconds: number;
}): Promise<{ perSecond: number; p99Ms: number }> {
  const { pool, clients, seconds } = options;
  const templates = await readTemplates(pool, options.action);
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  const client = async () => {
    const connection = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const began = performance.now();
        await writeOne(connection, templates);
        latencies.push(performance.now() - began);
      }
    } finally {
      connection.release();
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - began) / 1000;
  return { perSecond: latencies.length / elapsed, p99Ms: percentiles(latencies).p99 };
}

async function readTemplates(pool: Pool, action: string): Promise<RowTemplates> {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<Record<string, unknown>>(sql, params);
    if (!rows[0]) throw new Error(`the pg baseline found no row to copy: ${sql}`);
    return rows[0];
  };
  const request = await one('SELECT * FROM requests WHERE action = $1 LIMIT 1', [action]);
  return {
    request,
    audit: await one('SELECT * FROM audit_entries WHERE request_id = $1 LIMIT 1', [request.id]),
    outbox: await one('SELECT * FROM outbox_events WHERE aggregate_id = $1 LIMIT 1', [request.id]),
  };
}

async function writeOne(connection: Queryable, templates: RowTemplates): Promise<void> {
  const requestId = randomUUID();
  const now = new Date();
  await inTransaction(connection, async () => {
    await insert(connection, 'requests', {
      ...templates.request,
      id: requestId,
      created_at: now,
      updated_at: now,
    });
    await insert(connection, 'audit_entries', {
      ...templates.audit,
      id: randomUUID(),
      request_id: requestId,
      created_at: now,
      // A copy takes no place in its organization's log (places are unique there).
      log_seq: null,
    });
    await insert(connection, 'outbox_events', {
      ...templates.outbox,
      id: randomUUID(),
      aggregate_id: requestId,
      created_at: now,
      published_at: now,
    });
  });
}
