import { AddressInfo } from 'node:net';
import { CatalogAction, loadCatalog, Party, Plan } from '@app/catalog';
import { Role } from '@app/parties';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { allowed, judge, ROLES, Seat, Subscription, Verb } from './access-oracle';
import { ParamsSampler } from './params-sampler';
import { RawHttpClient } from './raw-http.client';

const TRANSITIONS: Record<Exclude<Verb, 'submit'>, object> = {
  approve: { comment: 'ok' },
  reject: { reason: 'no' },
  'waive-consultation': { reason: 'urgent' },
  opinions: { opinion: 'agree' },
  start: {},
  complete: {},
  fail: { reason: 'broken' },
  cancel: { reason: 'changed my mind' },
  comments: { body: 'a word' },
};

/**
 * The access test generated from the whole catalog: for every requestable action, every party and
 * role, and every verb, the engine allows the call exactly when the matrix does (anything else is
 * 403 naming the rule). Another customer's staff get 404 on every verb; a revoked token gets 401.
 */
describe('RACI access, generated from the whole catalog', () => {
  const catalog = loadCatalog('config/raci');
  const sampler = new ParamsSampler();
  let t: TestApp;
  let http: RawHttpClient;
  let cast: Cast;
  let seats: Seat[];
  /** The stand-ins of each organization, by the role they stand in for. */
  let standIns: Record<string, { approver: Actor; consultant: Actor }>;
  /** A delegation of the provider, for the outsiders' calls. */
  let delegationId: string;
  let submitters: Record<string, Actor>;
  let stranger: Actor;
  let revoked: string;
  /** A request of the first action, for the outsiders' calls. */
  let firstRequest: string;

  const send = async (token: string, method: string, path: string, body?: object) => {
    const response = await http.send({
      method,
      path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return { status: response.status, body: JSON.parse(response.text || '{}') };
  };

  beforeAll(async () => {
    // The revoked token fails on every verb of every action: far past the rate limit.
    t = await createTestApp({ env: { AUTH_FAILURE_LIMIT: '1000000' } });
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    http = new RawHttpClient((t.http.address() as AddressInfo).port);
    cast = await createCast(t);
    seats = ROLES.flatMap((role) => [
      { party: Party.Provider, role, actor: cast.provider[role] },
      { party: Party.Customer, role, actor: cast.onRequest[role] },
    ]);
    submitters = {
      [cast.onRequest.organizationId]: await createUser(t, cast.onRequest.organizationId, [
        Role.Requester,
      ]),
      [cast.selfService.organizationId]: await createUser(t, cast.selfService.organizationId, [
        Role.Requester,
      ]),
    };
    standIns = {};
    for (const staff of [cast.provider, cast.onRequest, cast.selfService]) {
      const stand = {
        approver: await createUser(t, staff.organizationId, [Role.Requester]),
        consultant: await createUser(t, staff.organizationId, [Role.Requester]),
      };
      for (const role of ['approver', 'consultant'] as const) {
        const res = await api(t, staff[role])
          .post('/v1/delegations', {
            delegateId: stand[role].id,
            startsAt: new Date(Date.now() - 60_000).toISOString(),
            endsAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
            reason: 'Access test',
          })
          .expect(201);
        delegationId = res.body.id;
      }
      standIns[staff.organizationId] = stand;
    }
    const other = await createCustomer(t);
    stranger = await createUser(t, other.id, Object.values(Role));
    const spare = await api(t, cast.provider.admin)
      .post(`/v1/users/${cast.provider.admin.id}/tokens`)
      .expect(201);
    await api(t, cast.provider.admin).delete(`/v1/tokens/${spare.body.id}`).expect(204);
    revoked = spare.body.token;
  });
  afterAll(async () => {
    http?.close();
    await t?.close();
  });

  // A change of the matrix is proposed with POST /v1/catalog/changes, never submitted here; its
  // own test is test/catalog/catalog-changes.e2e-spec.ts.
  const requestable = catalog
    .actions()
    .filter((action) => action.requestable && action.key !== 'catalog.change-matrix');

  it('covers every requestable action of the catalog', () => {
    expect(requestable.length).toBeGreaterThan(50);
  });

  it('refuses to submit a change of the matrix as a plain request', async () => {
    const params = { product: 'generic', yaml: 'x', reason: 'x', version: 1, baseVersion: 1 };
    const res = await send(cast.provider.requester.token, 'POST', '/v1/requests', {
      action: 'catalog.change-matrix',
      params,
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'ACTION_PROPOSED_AS_CHANGE' } });
  });

  it.each(requestable.map((action, i) => [action.key, action, i] as const))(
    '%s: allowed exactly when the matrix says so',
    async (_key, action, i) => {
      const staff = staffFor(action, i);
      const subscription = subscriptionOf(staff);
      const params = sampler.sample(action.paramsSchema);
      const submitted = await send(submitters[staff.organizationId].token, 'POST', '/v1/requests', {
        action: action.key,
        params,
      });
      expect({ action: action.key, ...submitted }).toMatchObject({ status: 201 });
      const id = submitted.body.id as string;
      const seatsOf = [
        ...seats.map((seat) =>
          seat.party === Party.Customer
            ? { ...seat, actor: staff[seat.role as (typeof ROLES)[number]] }
            : seat,
        ),
        ...[Party.Provider, Party.Customer].flatMap((party) => {
          const stand =
            standIns[
              party === Party.Provider ? cast.provider.organizationId : staff.organizationId
            ];
          return [
            {
              party,
              role: 'stand-in for approver',
              actor: stand.approver,
              delegated: ['approver'],
            },
            {
              party,
              role: 'stand-in for consultant',
              actor: stand.consultant,
              delegated: ['consultant'],
            },
          ] as Seat[];
        }),
      ];

      const outcomes = await Promise.all(
        seatsOf.flatMap((seat) =>
          (Object.keys(TRANSITIONS) as Exclude<Verb, 'submit'>[]).map(async (verb) => {
            const res = await send(
              seat.actor.token,
              'POST',
              `/v1/requests/${id}/${verb}`,
              TRANSITIONS[verb],
            );
            return judge(verb, seat, res, allowed(verb, seat, action, subscription));
          }),
        ),
      );
      const submissions = await Promise.all(
        seatsOf.map(async (seat) => {
          const res = await send(seat.actor.token, 'POST', '/v1/requests', {
            action: action.key,
            params,
            ...(seat.party === Party.Provider ? { organizationId: staff.organizationId } : {}),
          });
          return judge('submit', seat, res, allowed('submit', seat, action, subscription));
        }),
      );
      expect([...outcomes, ...submissions].filter(Boolean)).toEqual([]);

      if (i === 0) firstRequest = id;
    },
  );

  it("answers 404 to another customer's staff and 401 to a revoked token, on every verb", async () => {
    const reads = ['', '/history', '/comments'].map((tail) => ['GET', tail, undefined] as const);
    const writes = Object.entries(TRANSITIONS).map(
      ([verb, body]) => ['POST', `/${verb}`, body] as const,
    );
    const outcomes = await Promise.all(
      [...reads, ...writes].map(async ([method, tail, body]) => ({
        call: `${method} /v1/requests/:id${tail}`,
        stranger: (await send(stranger.token, method, `/v1/requests/${firstRequest}${tail}`, body))
          .status,
        revoked: (await send(revoked, method, `/v1/requests/${firstRequest}${tail}`, body)).status,
      })),
    );
    expect(outcomes).toEqual(outcomes.map(({ call }) => ({ call, stranger: 404, revoked: 401 })));
  });

  it("answers 404 to another customer's staff and 401 to a revoked token on the delegations", async () => {
    const calls = [
      ['GET', '/v1/delegations', undefined, 200],
      ['DELETE', `/v1/delegations/${delegationId}`, undefined, 404],
      [
        'POST',
        '/v1/delegations',
        { delegateId: cast.provider.requester.id, ...{ startsAt: new Date().toISOString() } },
        400,
      ],
    ] as const;
    const outcomes = await Promise.all(
      calls.map(async ([method, path, body]) => ({
        call: `${method} ${path}`,
        stranger: (await send(stranger.token, method, path, body)).status,
        revoked: (await send(revoked, method, path, body)).status,
      })),
    );
    expect(outcomes).toEqual(
      calls.map(([method, path, , status]) => ({
        call: `${method} ${path}`,
        stranger: status,
        revoked: 401,
      })),
    );
    // What a stranger lists holds nothing of the provider's.
    const listed = await send(stranger.token, 'GET', '/v1/delegations');
    expect(listed.body.items).toEqual([]);
  });

  /** Alternates the customers where an action allows both plans, so both performer rules are met. */
  function staffFor(action: CatalogAction, i: number) {
    const onRequest = action.plans.includes('*') || action.plans.includes(Plan.OnRequest);
    const selfService = action.plans.includes('*') || action.plans.includes(Plan.SelfService);
    if (onRequest && selfService) return i % 2 === 0 ? cast.onRequest : cast.selfService;
    return onRequest ? cast.onRequest : cast.selfService;
  }

  function subscriptionOf(staff: Cast['onRequest']): Subscription {
    return staff === cast.onRequest
      ? { plan: Plan.OnRequest, onDemand: false }
      : { plan: Plan.SelfService, onDemand: true };
  }
});
