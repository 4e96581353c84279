import { DataSource } from 'typeorm';
import { Job } from 'bullmq';
import { JobName, QueueName } from '@app/core';
import { Role } from '@app/parties';
import { DeadlineBackfill, Request } from '@app/requests';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';

/**
 * Deactivating a user can leave a waiting request with nobody able to decide: it is escalated at
 * once, by mail, to the Accountable organization's admins.
 */
describe('escalation of requests left with nobody to decide', () => {
  let bed: MailTestBed;
  let t: TestApp;
  let smtp: SmtpListener;

  beforeAll(async () => {
    bed = await createMailTestBed();
    ({ t, smtp } = bed);
  });
  afterAll(() => bed?.close());

  const backup = {
    action: 'mariadb.backup-and-restoration',
    params: { operation: 'restore', resource: 'db-1', restorePoint: '2026-11-01T00:00:00Z' },
  };

  async function deactivate(admin: Actor, user: Actor): Promise<void> {
    await api(t, admin).patch(`/v1/users/${user.id}`, { active: false }).expect(200);
  }

  /** A customer with a requester, an admin and the given approvers, and a request waiting on them. */
  async function waitingOn(approvers: number, locale: 'en' | 'fr' = 'en') {
    const customer = await createCustomer(t, { plan: 'on-request', locale });
    const requester = await createUser(t, customer.id, [Role.Requester]);
    const admin = await createUser(t, customer.id, [Role.Admin]);
    const people: Actor[] = [];
    for (let i = 0; i < approvers; i++)
      people.push(await createUser(t, customer.id, [Role.Approver]));
    const created = await api(t, requester).post('/v1/requests', backup).expect(201);
    await settle(t);
    return { id: created.body.id as string, admin, approvers: people };
  }

  const escalationsOf = (id: string) =>
    smtp.messages.filter(
      (m) => m.text.includes(id) && /^(Decision stuck|Décision bloquée):/.test(m.subject),
    );

  it('mails the Accountable organization’s admins when its last approver is deactivated', async () => {
    const { id, admin, approvers } = await waitingOn(1);
    expect(escalationsOf(id)).toEqual([]);
    await deactivate(admin, approvers[0]);
    await waitFor(() => Promise.resolve(escalationsOf(id).length > 0), 'the escalation mail');
    await settle(t);
    const mails = escalationsOf(id);
    expect(mails.map((m) => m.to[0])).toEqual([admin.email]);
    expect(mails[0].text).toContain(
      'nobody can approve for the customer since a user was deactivated: add a user with the role ' +
        'approver to the organization',
    );
    const history = await api(t, admin).get(`/v1/requests/${id}`).expect(200);
    expect(history.body.state).toBe('pending_approval');
  });

  it('says it in French to a French organization', async () => {
    const { id, admin, approvers } = await waitingOn(1, 'fr');
    await deactivate(admin, approvers[0]);
    await waitFor(() => Promise.resolve(escalationsOf(id).length > 0), 'the escalation mail');
    const [mail] = escalationsOf(id);
    expect(mail.subject).toMatch(/^Décision bloquée:/);
    expect(mail.text).toContain(
      'plus personne ne peut approuver pour le client depuis la désactivation d’un utilisateur : ' +
        'ajoutez un utilisateur ayant le rôle approver à l’organisation',
    );
    expect(mail.text).not.toMatch(/nobody|add a user/);
  });

  it('dates, at a worker’s start, a request left waiting without a due date, once', async () => {
    const { id, admin } = await waitingOn(1);
    await t.app.get(DataSource).getRepository(Request).update(id, { dueAt: null });
    expect((await api(t, admin).get(`/v1/requests/${id}`).expect(200)).body.dueAt).toBeNull();
    const backfill = t.app.get(DeadlineBackfill);
    expect(await backfill.run()).toEqual([id]);
    const dated = (await api(t, admin).get(`/v1/requests/${id}`).expect(200)).body;
    expect(dated.dueAt).toEqual(expect.any(String));
    const job = await Job.fromId(t.queue(QueueName.Deadlines), `${id}.${JobName.ApprovalDeadline}`);
    expect(await job?.getState()).toBe('delayed');
    expect(await backfill.run()).toEqual([]);
  });

  it('escalates nothing while another approver can still decide', async () => {
    const { id, admin, approvers } = await waitingOn(2);
    await deactivate(admin, approvers[0]);
    await settle(t);
    expect(escalationsOf(id)).toEqual([]);
    const events = await t.app
      .get(DataSource)
      .query(
        `SELECT type FROM outbox_events WHERE aggregate_id = '${id}' AND type = 'request.escalated'`,
      );
    expect(events).toEqual([]);
  });
});
