import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ModuleRef } from '@nestjs/core';
import {
  AppConfig,
  dataSourceOptions,
  EventFanOut,
  JobName,
  JobQueue,
  PLAN_JOB_POLICY,
  QueueName,
  RequestEvent,
  TransactionRunner,
} from '@app/core';
import { OutboxEvent, OutboxRelay } from '@app/requests';
import { createBenchDatabase } from '../lib/bench-database';
import { deleteRedisKeys } from '../../test/helpers/redis-keys';
import { redisConnection, REDIS_URL } from '../lib/bench-engine';
import { round } from '../lib/percentiles';

export interface RelayResult {
  events: number;
  batch_size: number;
  /** Outbox rows turned into BullMQ jobs per second by the engine's relay. */
  per_s: number;
  /** The same jobs added with `queue.addBulk`, batch by batch, per second. */
  bullmq_per_s: number;
}

/**
 * Outbox rows → BullMQ jobs: `events` rows are written in one bulk INSERT while no relay runs,
 * then the engine's own relay code moves them batch after batch (real PostgreSQL, real Redis)
 * until the queue holds them all, each event fanned out to one mail-planning job. Baseline:
 * `addBulk` of the same jobs (names, data, ids, policy) in batches of the same size, under another
 * prefix of the same Redis.
 */
export async function runRelayScenario(options: {
  events: number;
  log: (line: string) => void;
}): Promise<RelayResult> {
  const { events, log } = options;
  const database = await createBenchDatabase();
  const prefixes = [`raci-bench-relay-${randomBytes(4).toString('hex')}`];
  prefixes.push(`${prefixes[0]}-bare`);
  const config = AppConfig.fromEnv({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: '4' });
  const dataSource = new DataSource({
    ...dataSourceOptions(config),
    entities: [OutboxEvent],
  });
  const queues = prefixes.map(
    (prefix) => new Queue(QueueName.Notifications, { connection: redisConnection(), prefix }),
  );
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    log(`relay: ${events} outbox rows`);
    await insertOutboxRows(dataSource, events);
    // One handler, as the mail handler answers for an event somebody hears of.
    const fanOut = {
      jobsFor: (event: RequestEvent) => [{ name: JobName.PlanMail, data: { event } }],
    } as unknown as EventFanOut;
    const jobQueue = new JobQueue({ get: () => queues[0] } as unknown as ModuleRef);
    const relay = new OutboxRelay(
      dataSource,
      fanOut,
      jobQueue,
      new TransactionRunner(dataSource),
      config,
      new EventEmitter2(),
    );
    const relaySeconds = await timed(async () => {
      while ((await relay.relayBatch()) > 0);
    });
    await expectJobs(queues[0], events);
    const batch = config.env.RELAY_BATCH_SIZE;
    log(`relay: addBulk of ${events} jobs`);
    const payloads = await dataSource.query<{ id: string; payload: unknown }[]>(
      'SELECT id, payload FROM outbox_events ORDER BY created_at',
    );
    const bareSeconds = await timed(async () => {
      for (let i = 0; i < payloads.length; i += batch) {
        await queues[1].addBulk(
          payloads.slice(i, i + batch).map((row) => ({
            name: JobName.PlanMail,
            data: {
              event: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
            },
            opts: { ...PLAN_JOB_POLICY, jobId: row.id },
          })),
        );
      }
    });
    await expectJobs(queues[1], events);
    return {
      events,
      batch_size: batch,
      per_s: round(events / relaySeconds),
      bullmq_per_s: round(events / bareSeconds),
    };
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    await Promise.all(prefixes.map((prefix) => deleteRedisKeys(prefix, REDIS_URL)));
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const began = performance.now();
  await work();
  return (performance.now() - began) / 1000;
}

async function expectJobs(queue: Queue, expected: number): Promise<void> {
  const count = await queue.count();
  if (count !== expected) throw new Error(`expected ${expected} jobs in BullMQ, found ${count}`);
}

/** Rows shaped as the engine writes them: a request event as payload, one per request. */
async function insertOutboxRows(dataSource: DataSource, count: number): Promise<void> {
  const sample = {
    type: 'request.submitted',
    action: 'bench.sample-action',
    fromState: null,
    toState: 'pending_approval',
    organizationId: randomUUID(),
    actorId: randomUUID(),
    actorOrganizationId: randomUUID(),
    letter: null,
    comment: null,
  };
  await dataSource.query(
    `INSERT INTO outbox_events (id, aggregate_id, type, payload, created_at, published_at)
     SELECT e.id, e.request_id, 'request.submitted',
            $1::jsonb || jsonb_build_object('id', e.id, 'requestId', e.request_id,
                                            'occurredAt', to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            e.at, NULL
     FROM (SELECT gen_random_uuid() AS id, gen_random_uuid() AS request_id,
                  now() + i * interval '1 microsecond' AS at
           FROM generate_series(1, $2) AS i) AS e`,
    [JSON.stringify(sample), count],
  );
}
