import { Cast } from '../factories/cast.factory';
import type { Actor } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { EngineProcess } from '../helpers/engine-process';
import { ThrowawayPostgres } from '../helpers/throwaway-postgres';
import { waitFor } from '../helpers/wait-for';
import { FaultBed, remote, REPLICA } from './fault-bed';

/**
 * The engine on a primary and a streaming replica whose replay the test pauses: the list, the
 * inbox and the export read the replica, except for whoever wrote what the replica has not yet
 * replayed; one request always reads the primary; a replica that stops leaves reads on the primary.
 */
describe('fault: a read replica that lags, then stops', () => {
  jest.setTimeout(120_000);
  let bed: FaultBed;
  let apiProcess: EngineProcess;
  let cast: Cast;
  let replica: ThrowawayPostgres;

  beforeAll(async () => {
    bed = await FaultBed.start({ replica: true });
    replica = bed.replica!;
    apiProcess = await bed.engine('api');
    await bed.engine('worker');
    cast = await bed.castThrough(apiProcess);
  });
  afterAll(() => bed?.close());

  const as = (actor: Actor) => api(remote(apiProcess), actor);
  const listed = async (actor: Actor) => {
    const res = await as(actor).get('/v1/requests').expect(200);
    return (res.body as { items: { id: string }[] }).items.map((item) => item.id);
  };
  const inbox = async (actor: Actor) => {
    const res = await as(actor).get('/v1/inbox').expect(200);
    return (res.body as { items: { id: string }[] }).items.map((item) => item.id);
  };
  const exported = async (actor: Actor) =>
    (await as(actor).get('/v1/requests/export').expect(200)).text;

  it("serves one's own writes from the primary and everyone else's lists from the replica", async () => {
    const customer = cast.onRequest;
    const approvers = cast.provider;
    // Everything the cast wrote is replayed, then the replica stops applying what follows.
    await replica.catchUpWith(bed.postgres);
    await replica.pauseReplay();

    const submitted = await as(customer.requester).post('/v1/requests', REPLICA).expect(201);
    const id = (submitted.body as { id: string }).id;
    // One request always reads the primary: readable right after its 201.
    await as(customer.requester).get(`/v1/requests/${id}`).expect(200);
    await as(customer.approver).get(`/v1/requests/${id}`).expect(200);
    // Its writer's list waits for the replica, which has not replayed it: the primary answers.
    expect(await listed(customer.requester)).toContain(id);
    expect(await exported(customer.requester)).toContain(id);
    // A tenant-mate who wrote nothing since reads the replica, which does not have it yet.
    expect(await listed(customer.approver)).not.toContain(id);
    expect(await exported(customer.approver)).not.toContain(id);
    expect(await inbox(approvers.approver)).not.toContain(id);
    expect(await inbox(approvers.secondApprover)).not.toContain(id);
    // An approver's comment is a write of theirs: their inbox now reads the primary.
    await as(approvers.approver)
      .post(`/v1/requests/${id}/comments`, { body: 'Looking.' })
      .expect(201);
    expect(await inbox(approvers.approver)).toContain(id);
    expect(await inbox(approvers.secondApprover)).not.toContain(id);

    await replica.resumeReplay();
    await waitFor(
      async () => (await listed(customer.approver)).includes(id),
      'the mate listing it',
    );
    await waitFor(async () => (await inbox(approvers.secondApprover)).includes(id), 'the inbox');
    expect(await exported(customer.approver)).toContain(id);
    // Back on the replica once it has replayed the writer's write.
    expect(await listed(customer.requester)).toContain(id);
    expect(bed.crashes()).toEqual([]);
  });

  it('answers lists from the primary while the replica is down, and says so once', async () => {
    const customer = cast.onRequest;
    await replica.catchUpWith(bed.postgres);
    await replica.stop('fast');
    const submitted = await as(customer.requester).post('/v1/requests', REPLICA).expect(201);
    const id = (submitted.body as { id: string }).id;
    // The mate has not written: their reads would go to the replica, which is not there.
    expect(await listed(customer.approver)).toContain(id);
    expect(await listed(customer.approver)).toContain(id);
    expect(await inbox(cast.provider.secondApprover)).toContain(id);
    const warnings = apiProcess.logs.filter((line) => line.includes('read replica is unreachable'));
    expect(warnings).toHaveLength(1);
    expect(bed.crashes()).toEqual([]);
  });
});
