import { createTestApp, TestApp } from '../helpers/create-app';
import { Role } from '@app/parties';
import { BusinessCalendar } from '@app/requests';
import { Cast, createCast } from '../factories/cast.factory';
import { api } from '../helpers/api.client';
import { createCustomer, createUser } from '../factories/parties.factory';

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
    (await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200)).body as {
      event: string;
      letter: string | null;
      toState: string;
      comment: string | null;
    }[];

  it('a customer adds a MariaDB read-only replica: provider A/R decides and does it, customer informed', async () => {
    const { onRequest: customer, provider } = cast;
    const submitted = await api(t, customer.requester)
      .post('/v1/requests', {
        action: 'mariadb.add-read-only-replica',
        params: { instance: 'db-prod-01' },
        comment: 'For reporting',
      })
      .expect(201);
    expect(submitted.body).toMatchObject({
      action: 'mariadb.add-read-only-replica',
      organizationId: customer.organizationId,
      state: 'pending_approval',
      responsible: 'provider',
      accountable: 'provider',
      consulted: [],
      informed: ['customer'],
      performer: 'provider',
      submittedBy: customer.requester.id,
      version: 1,
    });
    const id = submitted.body.id as string;
    // On-request work is due within the provider's 7 working days.
    const due = new BusinessCalendar().addBusinessDays(new Date(submitted.body.createdAt), 7);
    expect(Math.abs(Date.parse(submitted.body.dueAt) - due.getTime())).toBeLessThan(1_000);
    const inbox = await api(t, provider.approver).get('/v1/inbox').expect(200);
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(id);

    const refused = await api(t, customer.approver).post(`/v1/requests/${id}/approve`).expect(403);
    expect(refused.body.code).toBe('RACI_NOT_ACCOUNTABLE_APPROVER');
    await api(t, provider.operator).post(`/v1/requests/${id}/approve`).expect(403);
    await api(t, provider.approver)
      .post(`/v1/requests/${id}/approve`, { comment: 'ok' })
      .expect(200);
    expect(
      (await api(t, customer.operator).post(`/v1/requests/${id}/start`).expect(403)).body.code,
    ).toBe('RACI_NOT_PERFORMING_OPERATOR');
    await api(t, provider.operator).post(`/v1/requests/${id}/start`).expect(200);
    const done = await api(t, provider.operator)
      .post(`/v1/requests/${id}/complete`, { result: { host: 'db-prod-01-ro' } })
      .expect(200);
    expect(done.body).toMatchObject({
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
    const submitted = await api(t, customer.approver)
      .post('/v1/requests', {
        action: 'object-storage.create-bucket',
        params: { bucketName: 'invoices-2026' },
      })
      .expect(201);
    expect(submitted.body).toMatchObject({
      dueAt: null,
      state: 'approved',
      responsible: 'customer',
      accountable: 'customer',
      informed: ['provider'],
      performer: 'customer',
    });
    const id = submitted.body.id as string;
    const [entry] = await historyOf(id);
    expect(entry).toMatchObject({
      event: 'request.submitted',
      letter: 'A',
      toState: 'approved',
      comment: expect.stringMatching(/submission the decision/),
    });

    await api(t, provider.operator).post(`/v1/requests/${id}/start`).expect(403);
    await api(t, customer.operator).post(`/v1/requests/${id}/start`).expect(200);
    await api(t, customer.operator).post(`/v1/requests/${id}/complete`).expect(200);

    // A requester who is not an approver only asks: another approver of the customer decides.
    const asked = await api(t, customer.requester)
      .post('/v1/requests', {
        action: 'object-storage.create-bucket',
        params: { bucketName: 'archive-2026' },
      })
      .expect(201);
    expect(asked.body.state).toBe('pending_approval');
    await api(t, provider.approver).post(`/v1/requests/${asked.body.id}/approve`).expect(403);
    await api(t, customer.secondApprover).post(`/v1/requests/${asked.body.id}/approve`).expect(200);
  });

  it('previews who would be R, A, C, I and who performs, storing nothing', async () => {
    const { selfService: customer, onRequest } = cast;
    const before = (await api(t, customer.requester).get('/v1/requests').expect(200)).body.items
      .length;
    const bucket = {
      action: 'object-storage.create-bucket',
      params: { bucketName: 'preview-only' },
    };
    const preview = await api(t, customer.approver)
      .post('/v1/requests/preview', bucket)
      .expect(200);
    expect(preview.body).toEqual({
      action: 'object-storage.create-bucket',
      title: 'Create Bucket',
      organizationId: customer.organizationId,
      responsible: 'customer',
      accountable: 'customer',
      consulted: [],
      informed: ['provider'],
      performer: 'customer',
      via: 'S3 API',
      initialState: 'approved',
      approvedBySubmission: true,
    });
    // Without "On Demand", the provider's Professional Services team performs what the customer decides.
    const store = { action: 'object-storage.create-object-store', params: { name: 'store-1' } };
    const performer = async (actor: typeof customer.requester) =>
      (await api(t, actor).post('/v1/requests/preview', store)).body.performer as
        string | undefined;
    expect(await performer(customer.requester)).toBe('customer');
    const withoutOnDemand = await createCustomer(t, { plan: 'self-service', onDemand: false });
    expect(await performer(await createUser(t, withoutOnDemand.id, [Role.Requester]))).toBe(
      'provider',
    );
    expect((await api(t, onRequest.requester).post('/v1/requests/preview', store)).body.code).toBe(
      'ACTION_NOT_IN_PLAN',
    );
    expect(
      (await api(t, customer.requester).get('/v1/requests').expect(200)).body.items,
    ).toHaveLength(before);
  });

  it('a customer asks for details on a blocked Bot Defense request, which needs the support ID', async () => {
    const { onRequest: customer, provider } = cast;
    const before = (await api(t, customer.requester).get('/v1/requests').expect(200)).body.items
      .length;
    const missing = await api(t, customer.requester)
      .post('/v1/requests', {
        action: 'bot-defense.request-blocked-request-details',
        params: { loadBalancer: 'lb-front' },
      })
      .expect(400);
    expect(missing.body).toMatchObject({
      code: 'REQUEST_PARAMS_INVALID',
      details: {
        problems: [expect.objectContaining({ message: expect.stringMatching(/supportId/) })],
      },
    });
    expect(
      (await api(t, customer.requester).get('/v1/requests').expect(200)).body.items,
    ).toHaveLength(before);

    const asked = await api(t, customer.requester)
      .post('/v1/requests', {
        action: 'bot-defense.request-blocked-request-details',
        params: { supportId: '1234-5678-90', loadBalancer: 'lb-front' },
      })
      .expect(201);
    expect(asked.body).toMatchObject({
      accountable: 'provider',
      responsible: 'provider',
      informed: ['customer'],
      state: 'pending_approval',
    });
    await api(t, provider.approver).post(`/v1/requests/${asked.body.id}/approve`).expect(200);
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
    const proposed = await api(t, provider.requester)
      .post('/v1/requests', {
        action: 'mariadb.security-patches',
        params: { resource: 'db-prod-01' },
        organizationId: customer.organizationId,
      })
      .expect(201);
    expect(proposed.body).toMatchObject({
      organizationId: customer.organizationId,
      accountable: 'customer',
      responsible: 'provider',
      performer: 'provider',
      state: 'pending_approval',
    });
    const id = proposed.body.id as string;
    expect(
      (await api(t, customer.approver).get('/v1/inbox').expect(200)).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).toContain(id);
    await api(t, provider.approver).post(`/v1/requests/${id}/approve`).expect(403);
    await api(t, customer.approver).post(`/v1/requests/${id}/approve`).expect(200);
    await api(t, provider.operator).post(`/v1/requests/${id}/start`).expect(200);
  });

  it('a Data Masking plan the customer is Consulted on: approval waits for the opinion', async () => {
    const { onRequest: customer, provider } = cast;
    const action = 'data-masking.pdm-masking-plan-creation-and-execution';
    const planned = await api(t, provider.requester)
      .post('/v1/requests', {
        action,
        params: { database: 'crm' },
        organizationId: customer.organizationId,
      })
      .expect(201);
    expect(planned.body).toMatchObject({
      state: 'pending_consultation',
      consulted: ['customer'],
      accountable: 'provider',
    });
    const id = planned.body.id as string;
    expect(
      (await api(t, provider.approver).post(`/v1/requests/${id}/approve`).expect(409)).body.code,
    ).toBe('REQUEST_INVALID_TRANSITION');
    expect(
      (
        await api(t, provider.consultant)
          .post(`/v1/requests/${id}/opinions`, { opinion: 'agree' })
          .expect(403)
      ).body.code,
    ).toBe('RACI_NOT_CONSULTED');
    expect(
      (await api(t, customer.consultant).get('/v1/inbox').expect(200)).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).toContain(id);
    const answered = await api(t, customer.consultant)
      .post(`/v1/requests/${id}/opinions`, { opinion: 'agree', comment: 'Mask billing too' })
      .expect(200);
    expect(answered.body.state).toBe('pending_approval');
    await api(t, customer.approver)
      .post(`/v1/requests/${id}/opinions`, { opinion: 'disagree' })
      .expect(409);
    await api(t, provider.approver).post(`/v1/requests/${id}/approve`).expect(200);
    expect((await historyOf(id)).map((e) => e.comment)).toContain('agree: Mask billing too');

    const waived = await api(t, provider.requester)
      .post('/v1/requests', {
        action,
        params: { database: 'erp' },
        organizationId: customer.organizationId,
      })
      .expect(201);
    await api(t, customer.approver)
      .post(`/v1/requests/${waived.body.id}/waive-consultation`, { reason: 'x' })
      .expect(403);
    const unlocked = await api(t, provider.approver)
      .post(`/v1/requests/${waived.body.id}/waive-consultation`, {
        reason: 'Customer unreachable, agreed by phone',
      })
      .expect(200);
    expect(unlocked.body.state).toBe('pending_approval');
    expect((await historyOf(waived.body.id)).pop()).toMatchObject({
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
    await api(t, provider.requester)
      .put(`/v1/organizations/${customer.organizationId}/quota-packages`, {
        unit: 'anonymization-treatment',
        packages: 1,
      })
      .expect(403);
    const bought = await api(t, provider.admin)
      .put(`/v1/organizations/${customer.organizationId}/quota-packages`, {
        unit: 'anonymization-treatment',
        packages: 1,
      })
      .expect(200);
    expect(bought.body.quotaPackages).toEqual({ 'anonymization-treatment': 1 });
    await submit(11).expect(201);
  });
});
