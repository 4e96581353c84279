import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@app/parties';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { RequestView } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { MatrixCopy } from '../helpers/matrix-copy';
import { matrixWithQuorum } from '../helpers/quorum-matrix';

const BACKUP = 'mariadb.backup-and-restoration';
const PARAMS = { resource: 'db-1', operation: 'restore', restorePoint: '2026-11-01T00:00:00Z' };

/**
 * Quorum approvals on PostgreSQL, with a catalog of the test's own: the customer is Accountable for
 * Backup and Restoration, which needs two of its approvers.
 */
describe('quorum approvals', () => {
  let t: TestApp;
  let matrix: MatrixCopy;

  beforeAll(async () => {
    matrix = matrixWithQuorum('generic.backup-and-restoration', 2);
    t = await createTestApp({ env: { RACI_DIR: matrix.dir } });
  });
  afterAll(async () => {
    await t?.close();
    matrix?.remove();
  });

  /** A customer with its requester and `approvers` approvers. */
  async function customerWith(approvers: number) {
    const customer = await createCustomer(t, { plan: 'on-request' });
    const requester = await createUser(t, customer.id, [Role.Requester]);
    const people: Actor[] = [];
    for (let i = 0; i < approvers; i++)
      people.push(await createUser(t, customer.id, [Role.Approver]));
    return { customer, requester, approvers: people };
  }

  async function submit(requester: Actor): Promise<RequestView> {
    const res = await api(t, requester).post('/v1/requests', { action: BACKUP, params: PARAMS });
    expect(res.status).toBe(201);
    return res.body as RequestView;
  }

  const approve = (who: Actor, id: string) => api(t, who).post(`/v1/requests/${id}/approve`, {});
  const read = async (who: Actor, id: string): Promise<RequestView> =>
    (await api(t, who).get(`/v1/requests/${id}`).expect(200)).body as RequestView;
  /** Rows of a table matching a condition, on either database. */
  const rows = async (table: string, where: string, values: Record<string, unknown>) =>
    Number(
      (
        await t.app
          .get(DataSource)
          .createQueryBuilder()
          .select('COUNT(*)', 'n')
          .from(table, 't')
          .where(where, values)
          .getRawOne<{ n: number | string }>()
      )?.n,
    );
  const recorded = (id: string): Promise<number> =>
    rows('request_approvals', 't.request_id = :id', { id });
  const history = async (who: Actor, id: string) =>
    (await api(t, who).get(`/v1/requests/${id}/history?limit=100`).expect(200)).body.items as {
      event: string;
      toState: string;
      actorId: string | null;
      paramsHash: string | null;
      catalogVersion: number | null;
    }[];
  const inboxIds = async (who: Actor): Promise<string[]> =>
    ((await api(t, who).get('/v1/inbox?limit=100').expect(200)).body.items as { id: string }[]).map(
      (item) => item.id,
    );

  it('shows the quorum in the catalog, where the test catalog sets one', async () => {
    const { requester } = await customerWith(0);
    const action = await api(t, requester).get(`/v1/catalog/actions/${BACKUP}`).expect(200);
    expect(action.body.approval).toEqual({ required: 2 });
    const replica = await api(t, requester)
      .get('/v1/catalog/actions/mariadb.add-read-only-replica')
      .expect(200);
    expect(replica.body.approval).toBeUndefined();
  });

  it('needs two distinct people: the first approval is recorded, the second approves', async () => {
    const { requester, approvers } = await customerWith(2);
    const [ada, bob] = approvers;
    const submitted = await submit(requester);
    expect(submitted).toMatchObject({
      state: 'pending_approval',
      approvalsRequired: 2,
      approvals: [],
    });

    const first = await approve(ada, submitted.id).expect(200);
    expect(first.body).toMatchObject({
      state: 'pending_approval',
      approvals: [{ by: ada.id, onBehalfOf: null, at: expect.any(String), void: null }],
    });
    const again = await approve(ada, submitted.id).expect(409);
    expect(again.body.code).toBe('ALREADY_APPROVED');

    const second = await approve(bob, submitted.id).expect(200);
    expect(second.body.state).toBe('approved');
    expect(second.body.approvals.map((a: { by: string }) => a.by)).toEqual([ada.id, bob.id]);
    expect(await recorded(submitted.id)).toBe(2);
    const events = (await history(ada, submitted.id)).map((e) => [e.event, e.toState, e.actorId]);
    expect(events).toEqual([
      ['request.submitted', 'pending_approval', requester.id],
      ['request.approval_recorded', 'pending_approval', ada.id],
      ['request.approved', 'approved', bob.id],
    ]);
  });

  it('rejects at the first rejection, whatever approvals it had', async () => {
    const { requester, approvers } = await customerWith(3);
    const [ada, bob, eve] = approvers;
    const { id } = await submit(requester);
    await approve(ada, id).expect(200);
    const rejected = await api(t, bob)
      .post(`/v1/requests/${id}/reject`, { reason: 'not this week' })
      .expect(200);
    expect(rejected.body.state).toBe('rejected');
    const late = await approve(eve, id).expect(409);
    expect(late.body.code).toBe('REQUEST_INVALID_TRANSITION');
  });

  it('shows the request in the inbox of those still awaited only', async () => {
    const { requester, approvers } = await customerWith(3);
    const [ada, bob, eve] = approvers;
    const { id } = await submit(requester);
    for (const approver of approvers) expect(await inboxIds(approver)).toContain(id);
    await approve(ada, id).expect(200);
    expect(await inboxIds(ada)).not.toContain(id);
    expect(await inboxIds(bob)).toContain(id);
    expect(await inboxIds(eve)).toContain(id);
    await approve(eve, id).expect(200);
    for (const approver of approvers) expect(await inboxIds(approver)).not.toContain(id);
  });

  it('refuses 422 NO_ELIGIBLE_APPROVER when fewer people than the quorum could approve', async () => {
    const { customer, requester } = await customerWith(1);
    const refused = await api(t, requester)
      .post('/v1/requests', { action: BACKUP, params: PARAMS })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'NO_ELIGIBLE_APPROVER',
      details: { party: 'customer', organizationId: customer.id, needed: 2, able: 1 },
    });
    expect(refused.body.message).toContain('2 distinct approvers; 1 could');
    expect(await rows('requests', 't.organization_id = :id', { id: customer.id })).toBe(0);
    await createUser(t, customer.id, [Role.Approver]);
    await submit(requester);
  });

  it('leaves exactly two approvals recorded, and one approval, when twenty approvers race', async () => {
    const { requester, approvers } = await customerWith(20);
    const { id } = await submit(requester);
    // Each approver retries while it loses the race to another change, as the conflict says to.
    const outcomes = await Promise.all(
      approvers.map(async (approver) => {
        for (;;) {
          const res = await approve(approver, id);
          if (res.status !== 409 || res.body.code !== 'REQUEST_VERSION_CONFLICT') {
            return res.status === 200 ? 'approved' : (res.body as { code: string }).code;
          }
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'approved')).toHaveLength(2);
    expect(outcomes.filter((o) => o !== 'approved')).toEqual(
      Array(18).fill('REQUEST_INVALID_TRANSITION'),
    );
    expect(await recorded(id)).toBe(2);
    const view = await read(requester, id);
    expect(view.state).toBe('approved');
    expect(view.approvals).toHaveLength(2);
    const events = (await history(requester, id)).map((e) => e.event);
    expect(events.filter((e) => e === 'request.approved')).toHaveLength(1);
    expect(events.filter((e) => e === 'request.approval_recorded')).toHaveLength(1);
  });

  it('counts one approver racing herself once', async () => {
    const { requester, approvers } = await customerWith(2);
    const [ada] = approvers;
    const { id } = await submit(requester);
    const codes = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const res = await approve(ada, id);
        return res.status === 200 ? 'approved' : (res.body as { code: string }).code;
      }),
    );
    expect(codes.filter((c) => c === 'approved')).toHaveLength(1);
    for (const code of codes.filter((c) => c !== 'approved')) {
      expect(['ALREADY_APPROVED', 'REQUEST_VERSION_CONFLICT']).toContain(code);
    }
    expect(await recorded(id)).toBe(1);
    expect((await read(requester, id)).state).toBe('pending_approval');
  });

  it('records in every decision the hash of the parameters and the catalog version', async () => {
    const { requester, approvers } = await customerWith(2);
    const { id } = await submit(requester);
    await approve(approvers[0], id).expect(200);
    await api(t, approvers[1])
      .post(`/v1/requests/${id}/reject`, { reason: 'wrong restore point' })
      .expect(200);
    const sortedKeys = Object.keys(PARAMS).sort();
    const expected = createHash('sha256').update(JSON.stringify(PARAMS, sortedKeys)).digest('hex');
    const { catalogVersion } = await read(requester, id);
    expect(catalogVersion).toEqual(expect.any(Number));
    const entries = await history(requester, id);
    expect(entries.map((e) => [e.event, e.paramsHash, e.catalogVersion])).toEqual([
      ['request.submitted', expected, catalogVersion],
      ['request.approval_recorded', expected, catalogVersion],
      ['request.rejected', expected, catalogVersion],
    ]);
  });
});
