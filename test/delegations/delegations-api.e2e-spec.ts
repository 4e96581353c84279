import { DataSource } from 'typeorm';
import { Role } from '@app/parties';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

const HOUR = 3_600_000;

interface DelegationBody {
  id: string;
  delegatorId: string;
  delegateId: string;
  roles: string[];
  createdBy: string | null;
  endedAt: string | null;
}

describe('/v1/delegations (PostgreSQL)', () => {
  let t: TestApp;
  let cast: Cast;
  let rows: () => Promise<number>;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    const dataSource = t.app.get(DataSource);
    rows = async () =>
      Number((await dataSource.query('SELECT COUNT(*) AS n FROM delegations'))[0].n);
  });
  afterAll(() => t.close());

  const window = (fromHours = -1, toHours = 24) => ({
    startsAt: new Date(Date.now() + fromHours * HOUR).toISOString(),
    endsAt: new Date(Date.now() + toHours * HOUR).toISOString(),
  });
  const body = (delegateId: string, extra: object = {}) => ({
    delegateId,
    ...window(),
    reason: 'Parental leave',
    ...extra,
  });
  const provider = () => cast.provider.organizationId;

  it('refuses what a delegation may not be with a stable code, and stores nothing', async () => {
    const delegator = cast.provider.approver;
    const inactive = await createUser(t, provider(), [Role.Requester]);
    await api(t, t.adminToken).patch(`/v1/users/${inactive.id}`, { active: false }).expect(200);
    const service = await api(t, t.adminToken)
      .post(`/v1/organizations/${provider()}/users`, {
        email: `robot-${Date.now()}@example.test`,
        name: 'Robot',
        roles: [Role.Requester],
        kind: 'service',
      })
      .expect(201);
    const cases: [string, Actor, object, number, string][] = [
      ['to oneself', delegator, body(delegator.id), 422, 'DELEGATION_TO_SELF'],
      [
        'to nobody',
        delegator,
        body('00000000-0000-4000-8000-000000000000'),
        422,
        'DELEGATE_NOT_FOUND',
      ],
      [
        'to another organization',
        delegator,
        body(cast.onRequest.requester.id),
        422,
        'DELEGATE_NOT_FOUND',
      ],
      ['to a deactivated user', delegator, body(inactive.id), 422, 'DELEGATE_INACTIVE'],
      ['to a service account', delegator, body(service.body.id), 422, 'DELEGATE_NOT_A_PERSON'],
      [
        'ending as it starts',
        delegator,
        body(cast.provider.requester.id, window(2, 2)),
        422,
        'DELEGATION_WINDOW_INVALID',
      ],
      [
        'in the past',
        delegator,
        body(cast.provider.requester.id, window(-3, -2)),
        422,
        'DELEGATION_IN_THE_PAST',
      ],
      [
        'with nothing to delegate',
        cast.provider.operator,
        body(cast.provider.requester.id),
        422,
        'NOTHING_TO_DELEGATE',
      ],
      [
        'for someone else, not being an admin',
        cast.provider.secondApprover,
        body(cast.provider.requester.id, { delegatorId: delegator.id }),
        403,
        'ADMIN_REQUIRED',
      ],
      [
        'for a user of another organization',
        cast.onRequest.admin,
        body(cast.onRequest.requester.id, { delegatorId: delegator.id }),
        422,
        'DELEGATOR_NOT_FOUND',
      ],
      [
        'with no date',
        delegator,
        body(cast.provider.requester.id, { endsAt: 'next week' }),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    // No chains: what a stand-in received is not theirs to pass on.
    const standIn = await createUser(t, provider(), [Role.Requester]);
    await api(t, delegator).post('/v1/delegations', body(standIn.id)).expect(201);
    cases.push([
      'of what one received',
      standIn,
      body(cast.provider.requester.id),
      422,
      'NOTHING_TO_DELEGATE',
    ]);
    const before = await rows();
    for (const [what, caller, payload, status, code] of cases) {
      const res = await api(t, caller).post('/v1/delegations', payload);
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status, code });
    }
    expect(await rows()).toBe(before);
  });

  it('lists mine, given and received, newest first a page at a time; an admin sees the organization’s', async () => {
    const delegator = await createUser(t, provider(), [Role.Approver, Role.Consultant]);
    const [first, second] = [
      await createUser(t, provider(), [Role.Requester]),
      await createUser(t, provider(), [Role.Requester]),
    ];
    const given: DelegationBody[] = [];
    for (const delegate of [first, second]) {
      const res = await api(t, delegator).post('/v1/delegations', body(delegate.id)).expect(201);
      given.push(res.body as DelegationBody);
    }
    expect(given[0]).toMatchObject({
      delegatorId: delegator.id,
      delegateId: first.id,
      createdBy: delegator.id,
      endedAt: null,
    });
    expect([...given[0].roles].sort()).toEqual(['approver', 'consultant']);

    const page1 = await api(t, delegator).get('/v1/delegations?limit=1').expect(200);
    expect(page1.body.items.map((d: DelegationBody) => d.id)).toEqual([given[1].id]);
    const page2 = await api(t, delegator)
      .get(`/v1/delegations?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`)
      .expect(200);
    expect(page2.body.items.map((d: DelegationBody) => d.id)).toEqual([given[0].id]);
    expect(page2.body.nextCursor).toBeNull();

    const received = await api(t, first).get('/v1/delegations').expect(200);
    expect(received.body.items.map((d: DelegationBody) => d.id)).toEqual([given[0].id]);
    const stranger = await api(t, cast.provider.operator).get('/v1/delegations').expect(200);
    expect(stranger.body.items.map((d: DelegationBody) => d.id)).not.toContain(given[0].id);
    const admin = await api(t, cast.provider.admin).get('/v1/delegations?limit=200').expect(200);
    expect(admin.body.items.map((d: DelegationBody) => d.id)).toEqual(
      expect.arrayContaining(given.map((d) => d.id)),
    );
    const customerAdmin = await api(t, cast.onRequest.admin).get('/v1/delegations').expect(200);
    expect(customerAdmin.body.items).toEqual([]);
    await api(t, delegator).get('/v1/delegations?cursor=forged').expect(400);
  });

  it('ends one early for its two people or an admin; another tenant gets 404', async () => {
    const delegator = cast.provider.secondApprover;
    const delegate = await createUser(t, provider(), [Role.Requester]);
    const created = await api(t, delegator).post('/v1/delegations', body(delegate.id)).expect(201);
    const id = (created.body as DelegationBody).id;
    await api(t, cast.onRequest.admin).delete(`/v1/delegations/${id}`).expect(404);
    await api(t, cast.provider.operator).delete(`/v1/delegations/${id}`).expect(404);
    await api(t, delegate).delete(`/v1/delegations/${id}`).expect(204);
    const listed = await api(t, delegator).get('/v1/delegations').expect(200);
    const ended = (listed.body.items as DelegationBody[]).find((d) => d.id === id)!;
    expect(ended.endedAt).not.toBeNull();
    // Ending one already over changes nothing.
    await api(t, delegator).delete(`/v1/delegations/${id}`).expect(204);
    await api(t, delegator)
      .delete('/v1/delegations/00000000-0000-4000-8000-000000000000')
      .expect(404);
  });

  it('an admin sets one for a user of their organization who is absent, in the admin audit log', async () => {
    const absent = cast.provider.approver;
    const delegate = await createUser(t, provider(), [Role.Requester]);
    const res = await api(t, cast.provider.admin)
      .post('/v1/delegations', body(delegate.id, { delegatorId: absent.id }))
      .expect(201);
    const set = res.body as DelegationBody;
    expect(set).toMatchObject({
      delegatorId: absent.id,
      delegateId: delegate.id,
      createdBy: cast.provider.admin.id,
    });
    await api(t, cast.provider.admin).delete(`/v1/delegations/${set.id}`).expect(204);
    const events = await api(t, cast.provider.admin)
      .get(`/v1/audit/admin-events?organizationId=${provider()}&limit=200`)
      .expect(200);
    const about = (events.body.items as { action: string; subjectId: string; actorId: string }[])
      .filter((e) => e.subjectId === set.id)
      .map(({ action, actorId }) => ({ action, actorId }));
    expect(about).toEqual([
      { action: 'delegation.ended', actorId: cast.provider.admin.id },
      { action: 'delegation.created', actorId: cast.provider.admin.id },
    ]);
    const verified = await api(t, cast.provider.admin)
      .get('/v1/audit/admin-events/verify')
      .expect(200);
    expect(verified.body.ok).toBe(true);
  });
});
