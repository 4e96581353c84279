import request from 'supertest';
import { Role } from '@app/parties';
import { createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { EngineProcess } from '../helpers/engine-process';
import { signIn, SignInTarget } from '../helpers/sign-in';
import { signInLinkFromDatabase } from '../helpers/sign-in-link-of';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, remote } from './fault-bed';

/** Far beyond any wait below: only an invalidation through Redis can make B refuse in time. */
const B_TTL_MS = '600000';

/** An API process of the bed, given the time a busy machine takes to start one. */
async function apiProcess(bed: FaultBed, env: Record<string, string>): Promise<EngineProcess> {
  const engine = await EngineProcess.start({
    role: 'api',
    env: { ...bed.env, ...env },
    readyTimeoutMs: 120_000,
  });
  bed.processes.push(engine);
  return engine;
}

/**
 * A revoked credential stops working in every API process: a change made through process A, and
 * process B, whose cache would keep the principal ten minutes, refusing it as soon as Redis tells.
 * The delay is logged, not asserted: on a loaded machine it says how long Redis took, and the
 * 1 s TTL production runs with is what bounds it anyway.
 */
describe('principal cache: two API processes on one Redis', () => {
  jest.setTimeout(300_000);
  let bed: FaultBed;
  let a: EngineProcess;
  let b: EngineProcess;
  let target: SignInTarget;

  beforeAll(async () => {
    bed = await FaultBed.start();
    a = await apiProcess(bed, {});
    b = await apiProcess(bed, { NODE_ENV: 'test', AUTH_CACHE_TTL_MS: B_TTL_MS });
    target = {
      http: a.url,
      signInLink: signInLinkFromDatabase(
        (sql, params) => bed.postgres.query<{ id: string }>(sql, params),
        bed.env.LINK_SECRET,
      ),
    };
  });
  afterAll(() => bed?.close());
  afterEach(() => expect(bed.crashes()).toEqual([]));

  /** Calls B until it answers 401; the milliseconds from `since` to that answer. */
  const refusedByB = async (call: () => request.Test, since: number): Promise<number> => {
    await waitFor(async () => (await call()).status === 401, 'process B to refuse', {
      timeoutMs: 30_000,
      intervalMs: 10,
    });
    return Date.now() - since;
  };

  it('refuses in B a token revoked through A', async () => {
    const org = (await createCustomer(remote(a))).id;
    const user = await createUser(remote(a), org, [Role.Requester], undefined, { signIn: false });
    const spare = await api(remote(a), user).post(`/v1/users/${user.id}/tokens`).expect(201);
    const inB = () => api(remote(b), spare.body.token).get('/v1/me');
    await inB().expect(200);
    await inB().expect(200);
    await api(remote(a), user).delete(`/v1/tokens/${spare.body.id}`).expect(204);
    const delay = await refusedByB(inB, Date.now());
    console.log(`token revoked through A: refused by B after ${delay} ms`);
    await api(remote(b), user).get('/v1/me').expect(200);
  });

  it("refuses in B the session of a user deactivated through A, and the user's token", async () => {
    const org = (await createCustomer(remote(a))).id;
    const admin = await createUser(remote(a), org, [Role.Admin], undefined, { signIn: false });
    const user = await createUser(remote(a), org, [Role.Requester], undefined, { signIn: false });
    const session = await signIn(target, user.email);
    const inB = () => request(b.url).get('/v1/me').set('Cookie', session.cookie);
    await inB().expect(200);
    await api(remote(b), user).get('/v1/me').expect(200);
    await api(remote(a), admin).patch(`/v1/users/${user.id}`, { active: false }).expect(200);
    const delay = await refusedByB(inB, Date.now());
    console.log(`user deactivated through A: session refused by B after ${delay} ms`);
    await api(remote(b), user).get('/v1/me').expect(401);
  });
});
