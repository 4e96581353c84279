import { createTestApp, TestApp } from '../helpers/create-app';
import { api } from '../helpers/api.client';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';

const MASKING = 'data-masking.pdm-masking-plan-creation-and-execution';

describe('requests that explain themselves', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it('says who must act next and why, from consultation to the end, and drops the due date once decided', async () => {
    const { provider, onRequest: customer } = cast;
    const plan = await submitRequest(
      provider.requester,
      MASKING,
      { database: 'crm' },
      { organizationId: customer.organizationId },
    );
    expect(plan.view.title).toBe('PDM : Masking plan creation and execution');
    expect(plan.view.submittedBy).toMatchObject({
      id: provider.requester.id,
      email: provider.requester.email,
    });
    expect(plan.view.waitingOn).toEqual([
      {
        party: 'customer',
        roles: ['consultant', 'approver'],
        verb: 'opinion',
        reason: 'opinion',
        dueAt: plan.view.dueAt,
      },
    ]);
    expect(plan.view.dueAt).toEqual(expect.any(String));

    const consulted = await walk(plan, {
      verb: 'opinions',
      body: { opinion: 'agree', comment: 'Fine' },
    });
    expect(consulted.opinions).toEqual([
      expect.objectContaining({
        party: 'customer',
        opinion: 'agree',
        comment: 'Fine',
        userId: customer.consultant.id,
      }),
    ]);
    expect(consulted.waitingOn).toEqual([
      expect.objectContaining({ party: consulted.accountable, verb: 'approve', reason: 'approve' }),
    ]);

    const approved = await walk(plan, 'approve');
    expect(approved.dueAt).toBeNull();
    expect(approved.waitingOn).toEqual([
      {
        party: approved.performer,
        roles: ['operator'],
        verb: 'start',
        reason: 'work',
        dueAt: null,
      },
    ]);
    const done = await walk(plan, 'start', 'complete');
    expect(done.waitingOn).toEqual([]);
    expect(done.dueAt).toBeNull();
  });

  it('tells each inbox item why it waits on the caller', async () => {
    const { provider, onRequest: customer } = cast;
    const replica = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-why',
    });
    const masking = await submitRequest(
      provider.requester,
      MASKING,
      { database: 'why' },
      { organizationId: customer.organizationId },
    );
    const reasonIn = async (caller: typeof provider.approver, id: string) => {
      const page = await api(t, caller).get('/v1/inbox?limit=200').expect(200);
      return (page.body.items as { id: string; reason: string }[]).find((item) => item.id === id)
        ?.reason;
    };
    expect(await reasonIn(provider.approver, replica.id)).toBe('approve');
    expect(await reasonIn(customer.consultant, masking.id)).toBe('opinion');
    expect(await reasonIn(customer.approver, masking.id)).toBe('opinion');
    expect(await reasonIn(provider.operator, replica.id)).toBeUndefined();
    await walk(replica, 'approve');
    expect(await reasonIn(provider.operator, replica.id)).toBe('work');
    expect(await reasonIn(provider.approver, replica.id)).toBeUndefined();
  });

  it('filters the list by product, submitter and creation dates, and refuses a malformed filter', async () => {
    const { onRequest: customer } = cast;
    const before = new Date().toISOString();
    const mine = await submitRequest(customer.approver, 'mariadb.add-read-only-replica', {
      instance: 'db-filter',
    });
    const ids = async (query: string) =>
      (
        (await api(t, customer.requester).get(`/v1/requests?limit=200&${query}`).expect(200)).body
          .items as { id: string }[]
      ).map((item) => item.id);
    expect(await ids(`submittedBy=${customer.approver.id}`)).toEqual([mine.id]);
    expect(await ids(`product=mariadb&createdAfter=${encodeURIComponent(before)}`)).toEqual([
      mine.id,
    ]);
    expect(await ids(`product=vault&createdAfter=${encodeURIComponent(before)}`)).toEqual([]);
    expect(await ids(`createdBefore=${encodeURIComponent(before)}`)).not.toContain(mine.id);

    const bad = await api(t, customer.requester)
      .get('/v1/requests?createdAfter=yesterday')
      .expect(400);
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [expect.objectContaining({ field: 'createdAfter' })] },
    });
    expect(bad.body.details.fields).toHaveLength(1);
    // A year no database compares (PostgreSQL's timestamps begin in 4713 BC) is refused, not a 500.
    const ancient = await api(t, customer.requester)
      .get(`/v1/requests?createdBefore=${encodeURIComponent('-004713-11-23T23:59:59.999Z')}`)
      .expect(400);
    expect(ancient.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [
          {
            field: 'createdBefore',
            message: 'createdBefore must be an ISO 8601 date-time in the years 1 to 9999',
          },
        ],
      },
    });
    const cursor = Buffer.from(JSON.stringify([before, 'not-a-uuid'])).toString('base64url');
    const refused = await api(t, customer.requester)
      .get(`/v1/requests?cursor=${cursor}`)
      .expect(400);
    expect(refused.body.code).toBe('INVALID_CURSOR');
  });
});
