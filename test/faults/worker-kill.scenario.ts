import { AppConfig } from '@app/core';
import { mailConcurrency } from '../../libs/notifications/src/processors/send-mail.processor';
import { EngineProcess } from '../helpers/engine-process';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, submitMany } from './fault-bed';
import {
  acceptedButUnrecorded,
  expectExactlyOnce,
  QueueRedis,
  settledReconciliation,
} from './reconcile';

/** Enough requests for hundreds of messages: each owes four. */
const REQUESTS = 60;
/** Jobs the mail queue takes at once with the default pool: one may be caught per slot. */
const MAIL_SLOTS = mailConcurrency(AppConfig.fromEnv({}).env.SMTP_POOL_SIZE);

/**
 * The worker killed (kill -9) with hundreds of messages in flight, then started again: every owed
 * message is delivered exactly once. Queues on `redis` under `prefix`, whatever Redis that is.
 */
export async function killWorkerMidFlight(
  bed: FaultBed,
  api: EngineProcess,
  queues: { redis: QueueRedis; prefix: string },
): Promise<void> {
  const cast = await bed.castThrough(api);
  // The SMTP listener refuses for now, so the messages pile up in flight inside the worker.
  bed.smtp.refuseWith = 451;
  const worker = await bed.engine('worker');
  // The cast's sign-in mails came first: deliveries under way are the ones after them.
  const arrived = bed.smtp.messages.length;
  await submitMany([api], cast.onRequest.requester.token, REQUESTS);
  await waitFor(() => bed.smtp.refusals >= 50, 'messages in flight', { intervalMs: 100 });
  bed.smtp.refuseWith = undefined;
  await waitFor(() => bed.smtp.messages.length >= arrived + 20, 'deliveries under way', {
    intervalMs: 10,
  });
  await worker.kill('SIGKILL');
  const beforeRestart = bed.smtp.messages.length;
  const inDoubt = await acceptedButUnrecorded(bed.postgres, bed.smtp);

  await worker.start();
  const result = await settledReconciliation(bed.postgres, queues.redis, queues.prefix, bed.smtp, {
    timeoutMs: 120_000,
  });
  expect(result.events).toBeGreaterThanOrEqual(REQUESTS);
  expect(result.expected).toBeGreaterThanOrEqual(REQUESTS * 4);
  expect(beforeRestart).toBeLessThan(result.expected);
  expect(inDoubt.size).toBeLessThanOrEqual(MAIL_SLOTS);
  expectExactlyOnce(result, inDoubt);
}
