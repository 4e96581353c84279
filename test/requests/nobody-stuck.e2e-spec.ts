import { DataSource } from 'typeorm';
import { Role, User } from '@app/parties';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

/**
 * Nobody is stuck: a submission nobody but the submitter could decide is refused (and previewed as a
 * warning) instead of waiting forever, and every request that waits for a decision has a due date.
 */
describe('nobody is stuck', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const requestsOf = async (organizationId: string): Promise<number> =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query(`SELECT COUNT(*) AS n FROM requests WHERE organization_id = '${organizationId}'`)
      )[0].n,
    );

  /** A customer whose only approver is the requester. */
  async function loneCustomer(): Promise<{ id: string; name: string; submitter: Actor }> {
    const customer = await createCustomer(t, { plan: 'on-request' });
    const submitter = await createUser(t, customer.id, [Role.Requester, Role.Approver]);
    return { ...customer, submitter };
  }

  const backup = {
    action: 'mariadb.backup-and-restoration',
    params: { operation: 'restore', resource: 'db-1', restorePoint: '2026-11-01T00:00:00Z' },
  };

  it('refuses 422 NO_ELIGIBLE_APPROVER when only the submitter could approve, storing nothing; preview warns', async () => {
    const customer = await loneCustomer();
    const refused = await api(t, customer.submitter).post('/v1/requests', backup).expect(422);
    expect(refused.body).toEqual({
      statusCode: 422,
      code: 'NO_ELIGIBLE_APPROVER',
      message:
        'Nobody but the submitter could approve this request for the Accountable party ' +
        `(customer): add a user with the role approver to the organization "${customer.name}", ` +
        'then submit again.',
      details: {
        party: 'customer',
        organization: customer.name,
        organizationId: customer.id,
        roles: 'approver',
      },
      requestId: expect.any(String),
    });
    expect(await requestsOf(customer.id)).toBe(0);

    const preview = await api(t, customer.submitter)
      .post('/v1/requests/preview', backup)
      .expect(200);
    expect(preview.body.initialState).toBe('pending_approval');
    expect(preview.body.warnings).toEqual([
      {
        code: 'NO_ELIGIBLE_APPROVER',
        message: refused.body.message,
        details: refused.body.details,
      },
    ]);

    // The fix the message names: another approver. Now the submission goes through, with a due date.
    await createUser(t, customer.id, [Role.Approver]);
    const fixed = await api(t, customer.submitter).post('/v1/requests/preview', backup).expect(200);
    expect(fixed.body.warnings).toEqual([]);
    const created = await api(t, customer.submitter).post('/v1/requests', backup).expect(201);
    expect(created.body).toMatchObject({ state: 'pending_approval', dueAt: expect.any(String) });
  });

  it('does not count a deactivated approver', async () => {
    const customer = await loneCustomer();
    const other = await createUser(t, customer.id, [Role.Approver]);
    await t.app.get(DataSource).getRepository(User).update(other.id, { active: false });
    const refused = await api(t, customer.submitter).post('/v1/requests', backup).expect(422);
    expect(refused.body.code).toBe('NO_ELIGIBLE_APPROVER');
  });

  it('refuses 422 NO_ELIGIBLE_CONSULTANT when a Consulted party has nobody to give its opinion', async () => {
    const { provider } = cast;
    const lone = await createCustomer(t, { plan: 'on-request' });
    await createUser(t, lone.id, [Role.Requester, Role.Operator]);
    const masking = {
      action: 'data-masking.pdm-masking-plan-creation-and-execution',
      params: { database: 'crm' },
      organizationId: lone.id,
    };
    const refused = await api(t, provider.requester).post('/v1/requests', masking).expect(422);
    expect(refused.body).toMatchObject({
      code: 'NO_ELIGIBLE_CONSULTANT',
      message: expect.stringContaining(
        `add a user with the role consultant or approver to the organization "${lone.name}"`,
      ),
      details: { party: 'customer', organizationId: lone.id },
    });
    expect(await requestsOf(lone.id)).toBe(0);
    const preview = await api(t, provider.requester)
      .post('/v1/requests/preview', masking)
      .expect(200);
    expect(preview.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'NO_ELIGIBLE_CONSULTANT',
    ]);

    // A customer with a consultant: the same submission waits for its opinion.
    const consulted = await api(t, provider.requester)
      .post('/v1/requests', { ...masking, organizationId: cast.onRequest.organizationId })
      .expect(201);
    expect(consulted.body).toMatchObject({
      state: 'pending_consultation',
      dueAt: expect.any(String),
    });
  });

  it('gives a due date to every request that waits for a decision, whatever the plan', async () => {
    const { selfService } = cast;
    const waiting = await submitRequest(selfService.requester, backup.action, backup.params);
    expect(waiting.view.state).toBe('pending_approval');
    expect(waiting.view.dueAt).toEqual(expect.any(String));
    expect(Date.parse(waiting.view.dueAt!)).toBeGreaterThan(Date.parse(waiting.view.createdAt));
    // The submission that is the decision waits for nothing, so nothing is due.
    const decided = await submitRequest(selfService.approver, 'object-storage.create-bucket', {
      bucketName: 'reports-2026',
    });
    expect(decided.view).toMatchObject({ state: 'approved', dueAt: null });
  });
});
