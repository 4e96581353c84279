import { AuditService } from '@app/audit';
import {
  ApprovalDeadlines,
  IdempotencyService,
  OutboxEvent,
  Request,
  RequestsErrorCode as Code,
  SubmitInput,
  SubmitRequestService,
} from '@app/requests';
import { MediumApp } from './medium-app';

const REPLICA: SubmitInput = {
  action: 'mariadb.add-read-only-replica',
  params: { instance: 'db-1' },
};

describe('submitting a request', () => {
  let app: MediumApp;
  let submit: SubmitRequestService;

  beforeAll(async () => {
    app = await MediumApp.start();
    submit = app.get(SubmitRequestService);
  });
  afterAll(() => app.close());

  it('stores the request, its first history entry and its submitted event, one row each', async () => {
    const { requester } = app.cast.client;
    const customerId = app.cast.customer.id;
    const before = new Date();
    const body = await submit.submit(requester.principal, REPLICA);
    const after = new Date();

    const requests = await app.dataSource.getRepository(Request).find();
    expect(requests).toHaveLength(1);
    const [row] = requests;
    expect(row).toMatchObject({
      id: body.id,
      action: REPLICA.action,
      product: 'mariadb',
      organizationId: customerId,
      state: 'pending_approval',
      params: { instance: 'db-1' },
      responsible: 'provider',
      accountable: 'provider',
      consulted: [],
      informed: ['customer'],
      performer: 'provider',
      submittedBy: requester.user.id,
      version: 1,
    });
    // On-request work is due in APPROVAL_DEADLINE_DAYS (7) working days.
    const calendar = app.get(ApprovalDeadlines).calendar;
    const dueAt = new Date(row.dueAt!).getTime();
    expect(dueAt).toBeGreaterThanOrEqual(calendar.addBusinessDays(before, 7).getTime());
    expect(dueAt).toBeLessThanOrEqual(calendar.addBusinessDays(after, 7).getTime());
    expect(body.dueAt).toBe(new Date(dueAt).toISOString());

    const history = await app.get(AuditService).history(row.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      seq: 1,
      event: 'request.submitted',
      fromState: null,
      toState: 'pending_approval',
      actorId: requester.user.id,
      actorOrganizationId: customerId,
      letter: null,
      comment: null,
    });

    const outbox = await app.dataSource.getRepository(OutboxEvent).find();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      aggregateId: row.id,
      type: 'request.submitted',
      publishedAt: null,
    });
    expect(outbox[0].payload).toEqual({
      id: outbox[0].id,
      type: 'request.submitted',
      requestId: row.id,
      organizationId: customerId,
      action: REPLICA.action,
      fromState: null,
      toState: 'pending_approval',
      dueAt: new Date(dueAt).toISOString(),
      actorId: requester.user.id,
      actorOrganizationId: customerId,
      letter: null,
      comment: null,
      occurredAt: new Date(outbox[0].createdAt).toISOString(),
    });
  });

  it.each([
    [
      'parameters the action’s schema refuses',
      { ...REPLICA, params: { instance: 'db 1; drop' } },
      'requester',
      Code.ParamsInvalid,
    ],
    [
      'an action the catalog does not have',
      { action: 'mariadb.add-a-unicorn', params: {} },
      'requester',
      Code.ActionNotFound,
    ],
    ['a caller without the requester role', REPLICA, 'approver', Code.RoleRequired],
  ] as const)('refuses %s and stores nothing', async (_case, input, who, code) => {
    const counts = await app.rowCounts();
    await expect(submit.submit(app.cast.client[who].principal, { ...input })).rejects.toMatchObject(
      { name: 'RequestsException', code },
    );
    expect(await app.rowCounts()).toEqual(counts);
  });

  it('names the parameter it refuses', async () => {
    await expect(
      submit.submit(app.cast.client.requester.principal, {
        ...REPLICA,
        params: { instance: 'db 1; drop' },
      }),
    ).rejects.toMatchObject({
      code: Code.ParamsInvalid,
      details: { fields: [expect.objectContaining({ field: 'params.instance' })] },
    });
  });

  it('claims an Idempotency-Key once per user and route, and replays its first response', async () => {
    const keys = app.get(IdempotencyService);
    const { requester, approver } = app.cast.client;
    const call = {
      userId: requester.user.id,
      route: 'POST /v1/requests',
      key: 'replica-db-2',
      requestHash: IdempotencyService.hash({ instance: 'db-2' }),
    };
    expect(await keys.claim(call)).toBeNull();
    await expect(keys.claim(call)).rejects.toMatchObject({ code: Code.IdempotencyKeyInFlight });
    const response = { status: 201, body: { id: 'x' }, headers: { Location: '/v1/requests/x' } };
    await keys.remember(call, response);

    expect(await keys.claim(call)).toEqual(response);
    await expect(
      keys.claim({ ...call, requestHash: IdempotencyService.hash({ instance: 'db-3' }) }),
    ).rejects.toMatchObject({ code: Code.IdempotencyKeyReused });
    await keys.release(call);
    expect(await keys.claim(call)).toEqual(response);
    expect(await keys.claim({ ...call, route: 'POST /v1/requests/x/cancel' })).toBeNull();
    expect(await keys.claim({ ...call, userId: approver.user.id })).toBeNull();
    const stored = await app.dataSource.query(
      `SELECT route, status FROM idempotent_calls WHERE key = ? ORDER BY route, status`,
      ['replica-db-2'],
    );
    expect(stored).toEqual(
      expect.arrayContaining([
        { route: 'POST /v1/requests', status: 201 },
        { route: 'POST /v1/requests/x/cancel', status: null },
      ]),
    );
  });

  it('frees a claimed key when the call failed, so it can be retried', async () => {
    const keys = app.get(IdempotencyService);
    const call = {
      userId: app.cast.client.requester.user.id,
      route: 'POST /v1/requests',
      key: 'failed-once',
      requestHash: IdempotencyService.hash({}),
    };
    expect(await keys.claim(call)).toBeNull();
    await keys.release(call);
    expect(await keys.claim(call)).toBeNull();
  });
});
