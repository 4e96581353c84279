import { Cast } from '../factories/cast.factory';
import { api } from '../helpers/api.client';
import { TEST_ADMIN_TOKEN } from '../helpers/create-app';
import { EngineProcess } from '../helpers/engine-process';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, remote, submitMany } from './fault-bed';
import { expectExactlyOnce, reconcile, settledReconciliation } from './reconcile';

/** Every replica request owes four messages. */
const MESSAGES_PER_REQUEST = 4;

interface DeadLetter {
  id: string;
  messageId: string;
  status: string;
  attempts: number;
  lastError: string;
}

describe('fault: the SMTP server refuses, for a while (4xx) or for good (5xx)', () => {
  jest.setTimeout(120_000);
  let bed: FaultBed;
  let apiProcess: EngineProcess;
  let cast: Cast;

  const asAdmin = () => api(remote(apiProcess), TEST_ADMIN_TOKEN);
  const deadLetters = async (): Promise<DeadLetter[]> =>
    (
      (await asAdmin().get('/v1/notifications?status=failed').expect(200)).body as {
        items: DeadLetter[];
      }
    ).items;
  const reconciled = (exceptStatus: string[] = []) =>
    settledReconciliation(bed.postgres, bed.redis.url, bed.env.QUEUE_PREFIX, bed.smtp, {
      exceptStatus,
    });

  beforeAll(async () => {
    bed = await FaultBed.start();
    apiProcess = await bed.engine('api');
    await bed.engine('worker');
    cast = await bed.castThrough(apiProcess);
  });
  afterAll(() => bed?.close());

  it('retries through 451 answers, then delivers each message exactly once', async () => {
    bed.smtp.refuseWith = 451;
    await submitMany([apiProcess], cast.onRequest.requester.token, 20);
    await waitFor(() => bed.smtp.refusals >= 20 * MESSAGES_PER_REQUEST, 'every message refused');
    bed.smtp.refuseWith = undefined;
    const result = await reconciled();
    expect(result.expected).toBe(20 * MESSAGES_PER_REQUEST);
    expectExactlyOnce(result);
  });

  it('dead-letters a 550 after one attempt, lists it, and sends it once when retried by hand', async () => {
    bed.smtp.refusals = 0;
    bed.smtp.refuseWith = 550;
    await submitMany([apiProcess], cast.onRequest.requester.token, 5);
    const refused = 5 * MESSAGES_PER_REQUEST;
    const failed = await waitFor(async () => {
      const letters = await deadLetters();
      return letters.length === refused ? letters : undefined;
    }, 'the refused messages to be dead letters');
    // Not retried: one attempt each, and nothing left queued for later.
    const settled = await reconcile(bed.postgres, bed.redis.url, bed.env.QUEUE_PREFIX, bed.smtp);
    expect(settled.pendingMail).toBe(0);
    expect(bed.smtp.refusals).toBe(refused);
    for (const letter of failed) {
      expect(letter.attempts).toBe(1);
      expect(letter.lastError).toContain('550');
    }
    expectExactlyOnce(await reconciled(['failed']));

    bed.smtp.refuseWith = undefined;
    for (const letter of failed)
      await asAdmin().post(`/v1/notifications/${letter.id}/retry`).expect(202);
    const result = await reconciled();
    expect(await deadLetters()).toEqual([]);
    expect(bed.smtp.refusals).toBe(refused);
    expectExactlyOnce(result);
  });
});
