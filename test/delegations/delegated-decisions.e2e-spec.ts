import { Role } from '@app/parties';
import { Cast } from '../factories/cast.factory';
import { Actor, createUser } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { lettersAbout, settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';

const MINUTE = 60_000;

describe('deciding through a delegation (PostgreSQL, real SMTP, the worker running)', () => {
  let bed: MailTestBed;
  let t: TestApp;
  let smtp: SmtpListener;
  let cast: Cast;

  beforeAll(async () => {
    bed = await createMailTestBed();
    ({ t, smtp, cast } = bed);
  });
  afterAll(() => bed.close());

  /** A new person of the provider who decides nothing in their own right. */
  const standIn = () => createUser(t, cast.provider.organizationId, [Role.Requester]);

  const delegate = async (
    delegator: Actor,
    delegateId: string,
    window: { startsAt: Date; endsAt: Date },
  ): Promise<{ id: string; roles: string[] }> => {
    const res = await api(t, delegator)
      .post('/v1/delegations', {
        delegateId,
        startsAt: window.startsAt.toISOString(),
        endsAt: window.endsAt.toISOString(),
        reason: 'Holidays',
      })
      .expect(201);
    return res.body as { id: string; roles: string[] };
  };

  const replica = () =>
    submitRequest(cast.onRequest.requester, 'mariadb.add-read-only-replica', { instance: 'db-1' });

  const subjectsTo = (email: string) =>
    smtp.messages.filter((m) => m.to.includes(email)).map((m) => m.subject);

  it('the delegate is told, asked by mail, sees the request "on behalf of" the delegator, approves, and the history says for whom', async () => {
    const delegator = cast.provider.secondApprover;
    const stand = await standIn();
    const now = Date.now();
    const delegation = await delegate(delegator, stand.id, {
      startsAt: new Date(now - MINUTE),
      endsAt: new Date(now + 60 * MINUTE),
    });
    expect(delegation.roles).toEqual(['approver']);

    // Both people are told it started.
    await waitFor(
      () =>
        subjectsTo(stand.email).some((s) => s.startsWith('Delegation started')) &&
        subjectsTo(delegator.email).some((s) => s.startsWith('Delegation started')),
      'both people to be told the delegation started',
      { timeoutMs: 30_000 },
    );

    const { id } = await replica();
    await settle(t);
    expect(lettersAbout(smtp, id)).toContain(`Approval needed -> ${stand.email}`);

    const inbox = await api(t, stand).get('/v1/inbox').expect(200);
    const item = (inbox.body.items as { id: string; reason: string; onBehalfOf: unknown }[]).find(
      (i) => i.id === id,
    );
    expect(item).toMatchObject({
      reason: 'approve',
      onBehalfOf: { id: delegator.id, email: delegator.email },
    });
    // The delegator keeps the power to act: the request waits on them too, in their own right.
    const theirs = await api(t, delegator).get('/v1/inbox').expect(200);
    expect(theirs.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, onBehalfOf: null })]),
    );

    // The request page offers the stand-in the decisions, as the API will take them.
    const actions = await api(t, stand).get(`/v1/requests/${id}/actions`).expect(200);
    expect(JSON.stringify(actions.body)).toContain('"approve"');
    const approved = await api(t, stand)
      .post(`/v1/requests/${id}/approve`, { comment: 'Standing in' })
      .expect(200);
    expect(approved.body.state).toBe('approved');
    const history = await api(t, stand).get(`/v1/requests/${id}/history`).expect(200);
    const entry = (history.body.items as Record<string, unknown>[]).find(
      (e) => e.event === 'request.approved',
    );
    expect(entry).toMatchObject({
      actorId: stand.id,
      onBehalfOf: delegator.id,
      onBehalfOfName: expect.stringContaining('User '),
      letter: 'A',
    });
    // The entry's MAC covers onBehalfOf, and the history still verifies.
    const verdict = await api(t, cast.provider.admin).get('/v1/audit/verify').expect(200);
    expect(verdict.body.ok).toBe(true);
  });

  it('is refused before the window, and after it, and once the delegation is ended', async () => {
    const delegator = cast.provider.secondApprover;
    const early = await standIn();
    const now = Date.now();
    await delegate(delegator, early.id, {
      startsAt: new Date(now + 60 * MINUTE),
      endsAt: new Date(now + 120 * MINUTE),
    });
    const short = await standIn();
    const shortWindow = { startsAt: new Date(now - MINUTE), endsAt: new Date(Date.now() + 3_000) };
    await delegate(delegator, short.id, shortWindow);
    const ended = await standIn();
    const toEnd = await delegate(delegator, ended.id, {
      startsAt: new Date(now - MINUTE),
      endsAt: new Date(now + 60 * MINUTE),
    });
    await api(t, delegator).delete(`/v1/delegations/${toEnd.id}`).expect(204);

    await waitFor(() => Date.now() > shortWindow.endsAt.getTime(), 'the short window to pass', {
      timeoutMs: 30_000,
    });
    const { id } = await replica();
    for (const stand of [early, short, ended]) {
      const res = await api(t, stand).post(`/v1/requests/${id}/approve`, {}).expect(403);
      expect(res.body.code).toBe('RACI_NOT_ACCOUNTABLE_APPROVER');
      const inbox = await api(t, stand).get('/v1/inbox').expect(200);
      expect(inbox.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    }
    await settle(t);
    for (const stand of [early, short, ended]) {
      expect(lettersAbout(smtp, id)).not.toContain(`Approval needed -> ${stand.email}`);
    }
    // Ended early, and over: both people are told, once each.
    await waitFor(
      () =>
        [ended, short].every(
          (stand) =>
            subjectsTo(stand.email).filter((s) => s.startsWith('Delegation ended')).length === 1,
        ),
      'the delegates to be told their delegations ended',
      { timeoutMs: 30_000 },
    );
    expect(subjectsTo(early.email).filter((s) => s.startsWith('Delegation started'))).toEqual([]);
  });

  it('holds four eyes: a delegate never decides what they or their delegator submitted', async () => {
    const delegator = cast.provider.approver; // approver and requester
    const stand = cast.provider.requester;
    const now = Date.now();
    await delegate(delegator, stand.id, {
      startsAt: new Date(now - MINUTE),
      endsAt: new Date(now + 60 * MINUTE),
    });
    const customer = { organizationId: cast.onRequest.organizationId };
    const byDelegator = await submitRequest(
      delegator,
      'mariadb.add-read-only-replica',
      { instance: 'db-2' },
      customer,
    );
    const byDelegate = await submitRequest(
      stand,
      'mariadb.add-read-only-replica',
      { instance: 'db-3' },
      customer,
    );
    for (const { id } of [byDelegator, byDelegate]) {
      const res = await api(t, stand).post(`/v1/requests/${id}/approve`, {}).expect(403);
      expect(res.body.code).toBe('RACI_FOUR_EYES');
      const rejected = await api(t, stand).post(`/v1/requests/${id}/reject`, { reason: 'no' });
      expect(rejected.status).toBe(403);
    }
    const inbox = await api(t, stand).get('/v1/inbox').expect(200);
    const ids = inbox.body.items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(byDelegator.id);
    expect(ids).not.toContain(byDelegate.id);
    await settle(t);
    expect(lettersAbout(smtp, byDelegator.id)).not.toContain(`Approval needed -> ${stand.email}`);
    // Another approver still decides it.
    await api(t, cast.provider.secondApprover)
      .post(`/v1/requests/${byDelegator.id}/approve`, {})
      .expect(200);
  });
});
