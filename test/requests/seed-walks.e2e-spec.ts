import { createTestApp, TestApp } from '../helpers/create-app';
import { BusinessCalendar } from '@app/requests';
import { Cast, createCast } from '../factories/cast.factory';
import { api } from '../helpers/api.client';
import { Actor } from '../factories/parties.factory';
import { submitRequest, walk } from '../factories/request.factory';

/** The journeys the seed matrix describes, walked end to end through the HTTP API. */
describe('request lifecycle, walked from the seed matrix', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const historyOf = async (id: string) =>
    (await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200)).body
      .items as {
      event: string;
      letter: string | null;
      toState: string;
      comment: string | null;
    }[];
  /** The ids of the requests in an actor's inbox. */
  const inboxOf = async (actor: Actor) =>
    (await api(t, actor).get('/v1/inbox').expect(200)).body.items.map(
      (r: { id: string }) => r.id,
    ) as string[];
  /** How many requests an actor sees listed. */
  const listedTo = async (actor: Actor) =>
    (await api(t, actor).get('/v1/requests').expect(200)).body.items.length as number;

  it('a customer adds a MariaDB read-only replica: provider A/R decides and does it, customer informed', async () => {
    const { onRequest: customer, provider } = cast;
    const replica = await submitRequest(
      customer.requester,
      'mariadb.add-read-only-replica',
      { instance: 'db-prod-01' },
      { comment: 'For reporting' },
    );
    expect(replica.view).toMatchObject({
      action: 'mariadb.add-read-only-replica',
      organizationId: customer.organizationId,
      state: 'pending_approval',
      responsible: 'provider',
      accountable: 'provider',
      consulted: [],
      informed: ['customer'],
      performer: 'provider',
      title: 'Add a MariaDB read-only Replica',
      submittedBy: {
        id: customer.requester.id,
        email: customer.requester.email,
        name: expect.any(String),
      },
      opinions: [],
      waitingOn: [
        {
          party: 'provider',
          roles: ['approver'],
          verb: 'approve',
          reason: 'approve',
          dueAt: replica.view.dueAt,
        },
      ],
      version: 1,
    });
    const { id } = replica;
    // On-request work is due within the provider's 7 working days.
    const due = new BusinessCalendar().addBusinessDays(new Date(replica.view.createdAt), 7);
    expect(Math.abs(Date.parse(replica.view.dueAt!) - due.getTime())).toBeLessThan(1_000);
    expect(await inboxOf(provider.approver)).toContain(id);

    const refused = await api(t, customer.approver).post(`/v1/requests/${id}/approve`).expect(403);
    expect(refused.body.code).toBe('RACI_NOT_ACCOUNTABLE_APPROVER');
    await api(t, provider.operator).post(`/v1/requests/${id}/approve`).expect(403);
    await walk(replica, { verb: 'approve', body: { comment: 'ok' } });
    expect(
      (await api(t, customer.operator).post(`/v1/requests/${id}/start`).expect(403)).body.code,
    ).toBe('RACI_NOT_PERFORMING_OPERATOR');
    const done = await walk(replica, 'start', {
      verb: 'complete',
      body: { result: { host: 'db-prod-01-ro' } },
    });
    expect(done).toMatchObject({
      state: 'completed',
      result: { host: 'db-prod-01-ro' },
      version: 4,
    });

    const history = await historyOf(id);
    expect(history.map((e) => [e.event, e.letter, e.toState])).toEqual([
      ['request.submitted', null, 'pending_approval'],
      ['request.approved', 'A', 'approved'],
      ['request.started', 'R', 'in_progress'],
      ['request.completed', 'R', 'completed'],
    ]);
  });

  it('a customer creates a bucket: customer A/R, the submission is the decision, performed through the S3 API', async () => {
    const { selfService: customer, provider } = cast;
    const bucket = await submitRequest(customer.approver, 'object-storage.create-bucket', {
      bucketName: 'invoices-2026',
    });
    expect(bucket.view).toMatchObject({
      dueAt: null,
      state: 'approved',
      responsible: 'customer',
      accountable: 'customer',
      informed: ['provider'],
      performer: 'customer',
    });
    const [entry] = await historyOf(bucket.id);
    expect(entry).toMatchObject({
      event: 'request.submitted',
      letter: 'A',
      toState: 'approved',
      comment: expect.stringMatching(/submission the decision/),
    });

    await api(t, provider.operator).post(`/v1/requests/${bucket.id}/start`).expect(403);
    await walk(bucket, 'start', 'complete');

    // A requester who is not an approver only asks: another approver of the customer decides.
    const asked = await submitRequest(customer.requester, 'object-storage.create-bucket', {
      bucketName: 'archive-2026',
    });
    expect(asked.view.state).toBe('pending_approval');
    await api(t, provider.approver).post(`/v1/requests/${asked.id}/approve`).expect(403);
    await walk(asked, ['approve', customer.secondApprover]);
  });

  it('a customer asks for details on a blocked Bot Defense request, which needs the support ID', async () => {
    const { onRequest: customer } = cast;
    const before = await listedTo(customer.requester);
    const missing = await api(t, customer.requester)
      .post('/v1/requests', {
        action: 'bot-defense.request-blocked-request-details',
        params: { loadBalancer: 'lb-front' },
      })
      .expect(400);
    expect(missing.body).toMatchObject({
      code: 'REQUEST_PARAMS_INVALID',
      details: {
        fields: [{ field: 'params.supportId', message: 'is required' }],
      },
    });
    expect(await listedTo(customer.requester)).toBe(before);

    const asked = await submitRequest(
      customer.requester,
      'bot-defense.request-blocked-request-details',
      { supportId: '1234-5678-90', loadBalancer: 'lb-front' },
    );
    expect(asked.view).toMatchObject({
      accountable: 'provider',
      responsible: 'provider',
      informed: ['customer'],
      state: 'pending_approval',
    });
    await walk(asked, 'approve');
  });

  it('the provider proposes a security patch that the customer is Accountable for', async () => {
    const { onRequest: customer, provider } = cast;
    const missingOrg = await api(t, provider.requester)
      .post('/v1/requests', {
        action: 'mariadb.security-patches',
        params: { resource: 'db-prod-01' },
      })
      .expect(400);
    expect(missingOrg.body.code).toBe('ORGANIZATION_REQUIRED');
    const proposed = await submitRequest(
      provider.requester,
      'mariadb.security-patches',
      { resource: 'db-prod-01' },
      { organizationId: customer.organizationId },
    );
    expect(proposed.view).toMatchObject({
      organizationId: customer.organizationId,
      accountable: 'customer',
      responsible: 'provider',
      performer: 'provider',
      state: 'pending_approval',
    });
    expect(await inboxOf(customer.approver)).toContain(proposed.id);
    await api(t, provider.approver).post(`/v1/requests/${proposed.id}/approve`).expect(403);
    await walk(proposed, 'approve', 'start');
  });

  it('a Data Masking plan the customer is Consulted on: approval waits for the opinion', async () => {
    const { onRequest: customer, provider } = cast;
    const action = 'data-masking.pdm-masking-plan-creation-and-execution';
    const toCustomer = { organizationId: customer.organizationId };
    const plan = (database: string) =>
      submitRequest(provider.requester, action, { database }, toCustomer);
    const planned = await plan('crm');
    expect(planned.view).toMatchObject({
      state: 'pending_consultation',
      consulted: ['customer'],
      accountable: 'provider',
    });
    const { id } = planned;
    const early = await api(t, provider.approver).post(`/v1/requests/${id}/approve`).expect(409);
    expect(early.body.details).toEqual({ id, awaited: ['customer'] });
    expect(
      (
        await api(t, provider.consultant)
          .post(`/v1/requests/${id}/opinions`, { opinion: 'agree' })
          .expect(403)
      ).body.code,
    ).toBe('RACI_NOT_CONSULTED');
    expect(await inboxOf(customer.consultant)).toContain(id);
    const answered = await walk(planned, {
      verb: 'opinions',
      body: { opinion: 'agree', comment: 'Mask billing too' },
    });
    expect(answered.state).toBe('pending_approval');
    await api(t, customer.approver)
      .post(`/v1/requests/${id}/opinions`, { opinion: 'disagree' })
      .expect(409);
    await walk(planned, 'approve');
    expect((await historyOf(id)).map((e) => e.comment)).toContain('agree: Mask billing too');

    const waived = await plan('erp');
    await api(t, customer.approver)
      .post(`/v1/requests/${waived.id}/waive-consultation`, { reason: 'x' })
      .expect(403);
    const unlocked = await walk(waived, {
      verb: 'waive-consultation',
      body: { reason: 'Customer unreachable, agreed by phone' },
    });
    expect(unlocked.state).toBe('pending_approval');
    expect((await historyOf(waived.id)).pop()).toMatchObject({
      event: 'request.consultation_waived',
      letter: 'A',
      comment: 'Customer unreachable, agreed by phone',
    });
  });

  it('counts Data Masking executions against the quota the seed states (10 per subscription period)', async () => {
    const { selfService: customer, provider } = cast;
    const action = 'data-masking.pdm-masking-plan-creation-and-execution';
    const submit = (n: number) =>
      api(t, provider.requester).post('/v1/requests', {
        action,
        params: { database: `db-${n}` },
        organizationId: customer.organizationId,
      });
    for (let n = 1; n <= 10; n++) await submit(n).expect(201);
    const over = await submit(11).expect(409);
    expect(over.body).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { allowed: 10, used: 10, unit: 'anonymization-treatment' },
    });
    // A package of 10 more, bought from the provider, lets the 11th through.
    const buyPackage = (actor: Actor) =>
      api(t, actor).put(`/v1/organizations/${customer.organizationId}/quota-packages`, {
        unit: 'anonymization-treatment',
        packages: 1,
      });
    await buyPackage(provider.requester).expect(403);
    const bought = await buyPackage(provider.admin).expect(200);
    expect(bought.body.quotaPackages).toEqual({ 'anonymization-treatment': 1 });
    await submit(11).expect(201);
  });
});
