import { AuditService } from '@app/audit';
import {
  Opinion,
  OutboxEvent,
  Request,
  RequestOpinion,
  RequestsErrorCode as Code,
  RequestVerb as V,
  SubmitRequestService,
  TransitionRequestService,
} from '@app/requests';
import { Person } from './medium-cast.factory';
import { MediumApp } from './medium-app';

describe('transitions of a request', () => {
  let app: MediumApp;
  let transitions: TransitionRequestService;

  beforeAll(async () => {
    app = await MediumApp.start();
    transitions = app.get(TransitionRequestService);
  });
  afterAll(() => app.close());

  /** Submits for the customer; a provider submitter names it. */
  const submit = async (by: Person, action: string, params: Record<string, unknown>) => {
    const body = await app
      .get(SubmitRequestService)
      .submit(by.principal, { action, params, organizationId: app.cast.customer.id });
    return body.id;
  };
  const replica = (by: Person = app.cast.client.requester) =>
    submit(by, 'mariadb.add-read-only-replica', { instance: 'db-1' });
  const stored = (id: string) => app.dataSource.getRepository(Request).findOneByOrFail({ id });
  const outbox = (requestId: string, type?: string) =>
    app.dataSource
      .getRepository(OutboxEvent)
      .findBy({ aggregateId: requestId, ...(type ? { type } : {}) });

  it('approves: the request moves to approved, version 2, with its history entry and event', async () => {
    const id = await replica();
    const { approver } = app.cast.provider;

    const view = await transitions.act(approver.principal, id, V.Approve, { text: 'Go ahead' });

    expect(view).toMatchObject({ id, state: 'approved', version: 2 });
    expect(await stored(id)).toMatchObject({ state: 'approved', version: 2 });
    const history = await app.get(AuditService).history(id);
    expect(history.map((e) => [e.seq, e.event, e.letter, e.actorId, e.comment])).toEqual([
      [1, 'request.submitted', null, app.cast.client.requester.user.id, null],
      [2, 'request.approved', 'A', approver.user.id, 'Go ahead'],
    ]);
    expect(history[1].prevHash).toBe(history[0].hash);
    const approved = await outbox(id, 'request.approved');
    expect(approved).toHaveLength(1);
    expect(approved[0].payload).toMatchObject({
      requestId: id,
      fromState: 'pending_approval',
      toState: 'approved',
      actorId: approver.user.id,
      actorOrganizationId: app.cast.providerId,
      letter: 'A',
      comment: 'Go ahead',
      // An approved request waits for no decision, so nothing is due.
      dueAt: null,
    });
  });

  it('refuses the submitter’s own approval (four eyes) and changes nothing', async () => {
    const desk = app.cast.provider.requestingApprover;
    const id = await replica(desk);
    const counts = await app.rowCounts();

    await expect(transitions.act(desk.principal, id, V.Approve, {})).rejects.toMatchObject({
      name: 'RequestsException',
      code: Code.FourEyes,
    });

    expect(await stored(id)).toMatchObject({ state: 'pending_approval', version: 1 });
    expect(await app.rowCounts()).toEqual(counts);
  });

  it('lets exactly one of two racing approvals through', async () => {
    const id = await replica();
    const { approver, requestingApprover } = app.cast.provider;

    const outcomes = await Promise.allSettled([
      transitions.act(approver.principal, id, V.Approve, {}),
      transitions.act(requestingApprover.principal, id, V.Approve, {}),
    ]);

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect([Code.VersionConflict, Code.InvalidTransition]).toContain(lost[0].reason.code);
    expect(lost[0].reason.status).toBe(409);
    expect(await stored(id)).toMatchObject({ state: 'approved', version: 2 });
    expect(await outbox(id, 'request.approved')).toHaveLength(1);
    expect((await app.get(AuditService).history(id)).map((e) => e.event)).toEqual([
      'request.submitted',
      'request.approved',
    ]);
  });

  it('walks data masking through the customer’s opinion to the provider’s approval', async () => {
    const { client, provider } = app.cast;
    const id = await submit(client.requester, 'data-masking.pdm-discover-and-tag-sensitive-data', {
      database: 'crm',
    });
    expect(await stored(id)).toMatchObject({
      state: 'pending_consultation',
      consulted: ['customer'],
      accountable: 'provider',
      version: 1,
    });

    // Nobody approves before the Consulted party has answered, and only it answers.
    await expect(
      transitions.act(provider.approver.principal, id, V.Approve, {}),
    ).rejects.toMatchObject({ code: Code.ConsultationPending, details: { awaited: ['customer'] } });
    await expect(
      transitions.act(client.requester.principal, id, V.Opinion, { opinion: Opinion.Agree }),
    ).rejects.toMatchObject({ code: Code.NotConsulted });

    const consulted = await transitions.act(client.consultant.principal, id, V.Opinion, {
      opinion: Opinion.Agree,
      text: 'Scan the crm schema only',
    });
    expect(consulted).toMatchObject({ state: 'pending_approval', version: 2 });
    expect(await app.dataSource.getRepository(RequestOpinion).findBy({ requestId: id })).toEqual([
      expect.objectContaining({
        party: 'customer',
        userId: client.consultant.user.id,
        opinion: 'agree',
        comment: 'Scan the crm schema only',
      }),
    ]);
    // One opinion per party: the customer's approver cannot answer again.
    await expect(
      transitions.act(client.approver.principal, id, V.Opinion, { opinion: Opinion.Disagree }),
    ).rejects.toMatchObject({ code: Code.OpinionAlreadyGiven });

    const approved = await transitions.act(provider.approver.principal, id, V.Approve, {});
    expect(approved).toMatchObject({ state: 'approved', version: 3 });

    const history = await app.get(AuditService).history(id);
    expect(history.map((e) => [e.event, e.fromState, e.toState, e.letter])).toEqual([
      ['request.submitted', null, 'pending_consultation', null],
      ['request.opinion_given', 'pending_consultation', 'pending_approval', 'C'],
      ['request.approved', 'pending_approval', 'approved', 'A'],
    ]);
    const events = await outbox(id);
    expect(events.map((e) => e.type).sort()).toEqual([
      'request.approved',
      'request.opinion_given',
      'request.submitted',
    ]);
  });
});
