import { Cast } from '../factories/cast.factory';
import { EngineProcess } from '../helpers/engine-process';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, REPLICA } from './fault-bed';
import { expectExactlyOnce, settledReconciliation } from './reconcile';

/** How long the engine may wait for a connection before it answers 503 (ms). */
const CONNECT_TIMEOUT_MS = 2_000;
/** The longest any answer may take while PostgreSQL is down: the bound, plus room for a busy CI. */
const ANSWER_BOUND_MS = CONNECT_TIMEOUT_MS + 3_000;

interface Answer {
  status: number;
  code?: string;
  id?: string;
  ms: number;
  /** Whether PostgreSQL was known to be down for the whole call. */
  whileDown: boolean;
}

/** Submissions, four at a time, until stopped: the load the restart happens under. */
class SubmissionLoad {
  readonly answers: Answer[] = [];
  down = false;
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(
    private readonly api: EngineProcess,
    private readonly token: string,
  ) {
    this.loops = Array.from({ length: 4 }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const downAtStart = this.down;
      const started = Date.now();
      const response = await fetch(`${this.api.url}/v1/requests`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(REPLICA),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { id?: string; code?: string };
      this.answers.push({
        status: response.status,
        code: body.code,
        id: response.status === 201 ? body.id : undefined,
        ms: Date.now() - started,
        whileDown: downAtStart && this.down,
      });
      // A pause between submissions, so four loops are load, not a flood.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe('fault: PostgreSQL restarts under load', () => {
  jest.setTimeout(120_000);
  let bed: FaultBed;
  let api: EngineProcess;
  let cast: Cast;

  beforeAll(async () => {
    bed = await FaultBed.start({
      env: { DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS) },
    });
    api = await bed.engine('api');
    await bed.engine('worker');
    cast = await bed.castThrough(api);
  });
  afterAll(() => bed?.close());

  it('answers 503 DATABASE_UNAVAILABLE quickly while down, recovers alone, and half-writes nothing', async () => {
    const load = new SubmissionLoad(api, cast.onRequest.requester.token);
    const created = () => load.answers.filter((a) => a.status === 201).length;
    await waitFor(() => created() >= 10, 'submissions before the fault');

    await bed.postgres.stop('fast');
    load.down = true;
    await waitFor(
      () => load.answers.filter((a) => a.whileDown).length >= 8,
      'answers while PostgreSQL is down',
    );
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(503);
    load.down = false;
    await bed.postgres.start();
    const createdAfterRestart = created();
    await waitFor(() => created() >= createdAfterRestart + 10, 'submissions after the restart', {
      timeoutMs: 30_000,
    });
    await load.stop();
    // A connection PostgreSQL drops is replaced, never fatal: no process may have died of it.
    expect(bed.crashes()).toEqual([]);

    const whileDown = load.answers.filter((a) => a.whileDown);
    for (const answer of whileDown) {
      expect({ status: answer.status, code: answer.code }).toEqual({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
      });
      expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
    }
    const unexpected = load.answers.filter((a) => a.status !== 201 && a.status !== 503);
    if (unexpected.length > 0) {
      const failures = api.logs.filter((line) => line.includes('request failed'));
      throw new Error(`answers other than 201 and 503:\n${failures.slice(0, 3).join('\n')}`);
    }

    // Every accepted request is stored whole: its row, one history entry, one outbox event.
    const accepted = load.answers.filter((a) => a.id).map((a) => a.id!);
    const stored = await bed.postgres.query<{ id: string; audits: string; events: string }>(
      `SELECT r.id,
              (SELECT COUNT(*) FROM audit_entries a WHERE a.request_id = r.id) AS audits,
              (SELECT COUNT(*) FROM outbox_events o WHERE o.aggregate_id = r.id) AS events
         FROM requests r`,
    );
    expect(stored.filter((r) => r.audits !== '1' || r.events !== '1')).toEqual([]);
    const storedIds = new Set(stored.map((r) => r.id));
    expect(accepted.filter((id) => !storedIds.has(id))).toEqual([]);

    expectExactlyOnce(
      await settledReconciliation(bed.postgres, bed.redis.url, bed.env.QUEUE_PREFIX, bed.smtp),
    );
  });
});
