import { EngineProcess } from '../helpers/engine-process';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, submitMany } from './fault-bed';
import { acceptedButUnrecorded, expectExactlyOnce, settledReconciliation } from './reconcile';

/** Enough requests for hundreds of messages: each owes four. */
const REQUESTS = 60;

describe('fault: the worker is killed (kill -9) with hundreds of messages in flight', () => {
  jest.setTimeout(180_000);
  let bed: FaultBed;
  let api: EngineProcess;

  beforeAll(async () => {
    bed = await FaultBed.start();
    api = await bed.engine('api');
  });
  afterAll(() => bed?.close());

  it('delivers every owed message exactly once after the worker restarts', async () => {
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
    const result = await settledReconciliation(
      bed.postgres,
      bed.redis.url,
      'raci-faults',
      bed.smtp,
      {
        timeoutMs: 120_000,
      },
    );
    expect(result.events).toBeGreaterThanOrEqual(REQUESTS);
    expect(result.expected).toBeGreaterThanOrEqual(REQUESTS * 4);
    expect(beforeRestart).toBeLessThan(result.expected);
    // At most one message per mail slot (concurrency 8) can be caught between the two steps.
    expect(inDoubt.size).toBeLessThanOrEqual(8);
    expectExactlyOnce(result, inDoubt);
  });
});
