import { performance } from 'node:perf_hooks';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { smtpPool } from '@app/notifications/mail/mail-transport';
import { BenchCast } from '../lib/bench-cast';
import { BenchEngine, waitForBuild } from '../lib/bench-engine';
import { AcceptedMail } from '../lib/bench-smtp-listener';
import { expectCall } from '../lib/bench-http';
import { LifecycleAction } from '../lib/lifecycle-action';
import { StepRecord } from '../lib/lifecycle-driver';
import { percentiles, round } from '../lib/percentiles';
import { waitForPipelineDrain } from '../lib/pipeline-drain';

export interface MailResult {
  /** State change committed (its HTTP answer) → message accepted by the SMTP listener. */
  latency_ms: { count: number; p50: number; p90: number; p99: number; max: number };
  relay_poll_ms: number;
  /** Messages through outbox, relay, planner, mail queue and SMTP, per second. */
  pipeline_per_s: number;
  pipeline_messages: number;
  /** The same number of equivalent messages sent straight to the listener by pooled nodemailer. */
  nodemailer_per_s: number;
  smtp_pool_size: number;
}

/**
 * Latency: every message the lifecycle load caused, matched to the step that caused it through its
 * Message-ID (`<event id>.<recipient>@…`) and the outbox row of that event.
 * Throughput: with the worker stopped, `submissions` requests pile their events up in the outbox;
 * the worker is started and the rate is taken from the first accepted message to the last. The
 * baseline sends as many equivalent messages with nodemailer's pool, same size, same listener.
 */
export async function runMailScenario(options: {
  engine: BenchEngine;
  cast: BenchCast;
  action: LifecycleAction;
  steps: StepRecord[];
  submissions: number;
  log: (line: string) => void;
}): Promise<MailResult> {
  const { engine, cast, action, steps, submissions, log } = options;
  const pool = engine.database.pool(2);
  log('mail: waiting for the lifecycle load to be delivered');
  await waitForPipelineDrain(pool, engine.prefix);
  const latency = await matchLatencies(engine, steps);

  log(`mail: ${submissions} submissions piled up while the worker is stopped`);
  await engine.worker.stop();
  for (let i = 0; i < submissions; i++) {
    await expectCall(
      201,
      engine.url,
      'POST',
      '/v1/requests',
      cast.requesters[i % cast.requesters.length].token,
      {
        action: action.key,
        params: action.params,
      },
    );
  }
  const from = engine.smtp.accepted.length;
  await waitForBuild();
  await engine.worker.start();
  await waitForPipelineDrain(pool, engine.prefix);
  const piped = engine.smtp.since(from);
  const poolSize = Number(engine.env.SMTP_POOL_SIZE ?? 5);
  log(`mail: nodemailer pool sends ${piped.length} messages directly`);
  const direct = await sendDirectly(engine, piped.length, poolSize);
  return {
    latency_ms: percentiles(latency),
    relay_poll_ms: Number(engine.env.RELAY_POLL_MS ?? 500),
    pipeline_per_s: round(rate(piped)),
    pipeline_messages: piped.length,
    nodemailer_per_s: round(rate(direct)),
    smtp_pool_size: poolSize,
  };
}

/** Messages per second between the first and the last acceptance. */
function rate(mails: AcceptedMail[]): number {
  if (mails.length < 2) return 0;
  const seconds = (mails[mails.length - 1].acceptedAt - mails[0].acceptedAt) / 1000;
  return (mails.length - 1) / seconds;
}

async function matchLatencies(engine: BenchEngine, steps: StepRecord[]): Promise<number[]> {
  const committed = new Map(steps.map((s) => [`${s.requestId}/${s.event}`, s.committedAt]));
  const { rows } = await engine.database
    .pool(1)
    .query<{ id: string; aggregate_id: string; type: string }>(
      'SELECT id, aggregate_id, type FROM outbox_events WHERE aggregate_id = ANY($1::uuid[])',
      [[...new Set(steps.map((s) => s.requestId))]],
    );
  const causedAt = new Map(
    rows.map((row) => [row.id, committed.get(`${row.aggregate_id}/${row.type}`)]),
  );
  return engine.smtp.accepted.flatMap((mail) => {
    const at = causedAt.get(/^<([^.>]+)\./.exec(mail.messageId)?.[1] ?? '');
    return at === undefined ? [] : [mail.acceptedAt - at];
  });
}

async function sendDirectly(
  engine: BenchEngine,
  count: number,
  poolSize: number,
): Promise<AcceptedMail[]> {
  const sample = await simpleParser(engine.smtp.samples[0] ?? '');
  // The engine's own pool settings, so the two differ only by what the engine does around a send.
  const smtp = smtpPool(engine.smtp.url, poolSize);
  const transport = createTransport(smtp.options);
  const from = engine.smtp.accepted.length;
  const began = performance.now();
  try {
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        transport.sendMail({
          from: 'raci-engine <no-reply@raci-engine.local>',
          to: `direct-${i}@bench.test`,
          subject: sample.subject ?? 'bench',
          text: sample.text ?? '',
          html: typeof sample.html === 'string' ? sample.html : undefined,
          messageId: `<direct-${i}-${Math.round(began)}@bench>`,
        }),
      ),
    );
  } finally {
    transport.close();
    smtp.sockets.close();
  }
  return engine.smtp.since(from);
}
