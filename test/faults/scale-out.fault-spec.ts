import { Cast } from '../factories/cast.factory';
import { api } from '../helpers/api.client';
import { EngineProcess } from '../helpers/engine-process';
import { FaultBed, remote, submitMany } from './fault-bed';
import { expectExactlyOnce, settledReconciliation } from './reconcile';

const REQUESTS = 40;

describe('scale-out: two API and two worker processes on one PostgreSQL and one Redis', () => {
  jest.setTimeout(120_000);
  let bed: FaultBed;
  let apis: EngineProcess[];
  let cast: Cast;

  beforeAll(async () => {
    bed = await FaultBed.start();
    apis = await Promise.all([bed.engine('api'), bed.engine('api')]);
    await Promise.all([bed.engine('worker'), bed.engine('worker')]);
    cast = await bed.castThrough(apis[0]);
  });
  afterAll(() => bed?.close());

  it('lets one of two racing transitions win, and delivers every message exactly once', async () => {
    const ids = await submitMany(apis, cast.onRequest.requester.token, REQUESTS);
    // The same approval, sent to both API processes at once, for every request.
    const approvals = await Promise.all(
      ids.map((id) =>
        Promise.all(
          apis.map((engine) =>
            api(remote(engine), cast.provider.approver).post(`/v1/requests/${id}/approve`, {}),
          ),
        ),
      ),
    );
    for (const pair of approvals) {
      const statuses = pair.map((res) => res.status).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = pair.find((res) => res.status === 409)!;
      // The same person twice: whichever check sees the winner first says so.
      expect([
        'REQUEST_VERSION_CONFLICT',
        'REQUEST_INVALID_TRANSITION',
        'ALREADY_APPROVED',
      ]).toContain((loser.body as { code: string }).code);
    }
    // Never a double transition: one approval in each request's history.
    const doubled = await bed.postgres.query<{ request_id: string; n: string }>(
      `SELECT request_id, COUNT(*) AS n FROM audit_entries
        WHERE to_state = 'approved' GROUP BY request_id HAVING COUNT(*) <> 1`,
    );
    expect(doubled).toEqual([]);
    const approved = await bed.postgres.query<{ n: string }>(
      "SELECT COUNT(DISTINCT request_id) AS n FROM audit_entries WHERE to_state = 'approved'",
    );
    expect(Number(approved[0].n)).toBe(REQUESTS);

    const result = await settledReconciliation(
      bed.postgres,
      bed.redis.url,
      bed.env.QUEUE_PREFIX,
      bed.smtp,
    );
    expect(result.events).toBe(REQUESTS * 2);
    expectExactlyOnce(result);
  });
});
