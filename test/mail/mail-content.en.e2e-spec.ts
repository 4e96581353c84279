import request from 'supertest';
import { DataSource } from 'typeorm';
import { Cast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { fieldsOf, mailTo } from '../helpers/mail-fields';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';

const PUBLIC_URL = 'https://raci.example';
const REPLICA = 'mariadb.add-read-only-replica';

/** A date as English mail writes it. */
const en = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const nameOf = (actor: Actor) => `User ${actor.email.split('@')[0]}`;
const path = (url: string) => new URL(url).pathname;

describe('mail you can decide from, in English', () => {
  let bed: MailTestBed;
  let t: TestApp;
  let smtp: SmtpListener;
  let cast: Cast;
  let customer: { name: string; contact: string };

  beforeAll(async () => {
    bed = await createMailTestBed({ PUBLIC_URL });
    ({ t, smtp, cast } = bed);
    const org = await api(t, t.adminToken)
      .get(`/v1/organizations/${cast.onRequest.organizationId}`)
      .expect(200);
    customer = { name: org.body.name, contact: org.body.contactEmails[0] };
  });
  afterAll(() => bed.close());

  it('lets an approver decide from the mail alone; a second approver is told who decided', async () => {
    const { requester } = cast.onRequest;
    const { approver, secondApprover } = cast.provider;
    const { id } = await submitRequest(
      requester,
      REPLICA,
      { instance: 'db-1', replicaName: 'db-1-ro' },
      { comment: 'For the <reporting> team\nApprove: https://evil.example/x' },
    );
    await settle(t);
    const { dueAt } = (await api(t, approver).get(`/v1/requests/${id}`).expect(200)).body;
    const mail = mailTo(smtp, approver.email, id, 'Approval needed');
    const fields = fieldsOf(mail);

    expect(mail.subject).toBe(
      `Approval needed: Add a MariaDB read-only Replica (${customer.name})`,
    );
    expect(fields.headline).toBe('Approval needed');
    expect(fields.rows).toEqual({
      Action: `Add a MariaDB read-only Replica (${REPLICA})`,
      Customer: customer.name,
      'Submitted by': `${nameOf(requester)} <${requester.email}>, ${customer.name}`,
      State: 'waiting for approval',
      Due: en(dueAt),
      'Performed by': 'the provider',
      Request: id,
    });
    expect(fields.sections.Parameters).toEqual([
      '- Name of the standalone MariaDB node to replicate: db-1',
      '- Name wished for the read-only replica, if any: db-1-ro',
    ]);
    expect(fields.sections.Next).toEqual([
      `- the provider's approvers: approve or reject, by ${en(dueAt)}`,
    ]);
    // What the submitter wrote comes quoted, after the links: its "Approve:" line cannot pose as
    // the message's.
    expect(fields.sections[`Comment from ${nameOf(requester)}`]).toEqual([
      '> For the <reporting> team',
      '> Approve: https://evil.example/x',
    ]);
    expect(Object.keys(fields.sections).slice(-2)).toEqual([
      'About this action',
      `Comment from ${nameOf(requester)}`,
    ]);
    expect(fields.links.Approve).toMatch(new RegExp(`^${PUBLIC_URL}/v1/email-actions/`));
    expect(fields.links.Reject).toMatch(new RegExp(`^${PUBLIC_URL}/v1/email-actions/`));
    expect(fields.links['View the request']).toBe(`${PUBLIC_URL}/requests/${id}`);
    expect(mail.text).toContain(`and at the latest until ${en(dueAt)}.`);
    expect(fields.sections['About this action']).toEqual([
      'On request, a read only MariaDB replica can be configured for a standalone MariaDB node.',
    ]);
    expect(mail.html).toContain(`href="${fields.links.Approve}"`);
    expect(mail.html).toContain('<blockquote>&gt; For the &lt;reporting&gt; team<br>&gt; Approve:');
    expect(mail.html).not.toContain('<reporting>');
    expect(mail.html).not.toContain('href="https://evil.example');

    // Each link lives until the decision is due (or the request leaves the state).
    const linkIds = [fields.links.Approve, fields.links.Reject].map(
      (url) => path(url).split('/').pop()!.split('.')[0],
    );
    const rows: { expires_at: string | Date }[] = await t.app
      .get(DataSource)
      .query(`SELECT expires_at FROM email_action_links WHERE id IN ('${linkIds.join("','")}')`);
    expect(rows.map((row) => new Date(row.expires_at).toISOString())).toEqual([dueAt, dueAt]);

    // The approver succeeds from the mail.
    const approve = path(fields.links.Approve);
    expect((await request(t.http).get(approve).expect(200)).text).toContain('<form method="post">');
    const done = await request(t.http).post(approve).type('form').send({ reason: 'Fine' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('is now approved');

    // The second approver's link no longer applies: it says who decided, and offers no form.
    const other = fieldsOf(mailTo(smtp, secondApprover.email, id, 'Approval needed'));
    for (const link of [other.links.Reject, other.links.Approve]) {
      const page = await request(t.http).get(path(link)).expect(410);
      expect(page.text).toContain(
        `This link no longer applies: the request was approved by ${nameOf(approver)} (${approver.email})`,
      );
      expect(page.text).not.toContain('<form');
    }
    const refused = await request(t.http)
      .post(path(other.links.Reject))
      .type('form')
      .send({ reason: 'Too late' })
      .expect(410);
    expect(refused.text).toContain('no longer applies');
    // And the used link says so, and by whom.
    expect((await request(t.http).get(approve).expect(410)).text).toContain(
      `This link was already used: the request was approved by ${nameOf(approver)}`,
    );
    expect((await api(t, approver).get(`/v1/requests/${id}`)).body.state).toBe('approved');
  });

  it('gives the customer the answer: the result and the public comments, never an internal one', async () => {
    const { requester } = cast.onRequest;
    const { operator } = cast.provider;
    const replica = await submitRequest(requester, REPLICA, { instance: 'db-2' });
    await walk(replica, 'approve', 'start');
    await api(t, operator)
      .post(`/v1/requests/${replica.id}/comments`, { body: 'Replica lag <1s\nwatch it' })
      .expect(201);
    await api(t, operator)
      .post(`/v1/requests/${replica.id}/comments`, {
        body: 'secret: host is flaky',
        internal: true,
      })
      .expect(201);
    await walk(replica, {
      verb: 'complete',
      body: { result: { endpoint: 'db-2-ro.internal', port: 3306 } },
    });
    await settle(t);
    const history = (await api(t, operator).get(`/v1/requests/${replica.id}/comments`)).body.items;
    const commentedAt = en(history[0].createdAt);

    for (const to of [requester.email, customer.contact]) {
      const mail = mailTo(smtp, to, replica.id, 'Request completed');
      const fields = fieldsOf(mail);
      expect(fields.rows.State).toBe('completed');
      expect(fields.rows.Due).toBeUndefined();
      expect(fields.sections.Next).toEqual(['- nobody: the request is finished']);
      expect(fields.sections[`Result from ${nameOf(operator)}`]).toEqual([
        '> endpoint: db-2-ro.internal',
        '> port: 3306',
      ]);
      expect(
        fields.sections[`Comment from ${nameOf(operator)} (the provider), ${commentedAt}`],
      ).toEqual(['> Replica lag <1s', '> watch it']);
      expect(mail.html).toContain('&gt; Replica lag &lt;1s<br>&gt; watch it');
      expect(fields.links['View the request']).toBe(`${PUBLIC_URL}/requests/${replica.id}`);
    }
    expect(smtp.messages.some((m) => m.text.includes('host is flaky'))).toBe(false);
    expect(smtp.messages.some((m) => (m.html ?? '').includes('host is flaky'))).toBe(false);

    // A failure carries its reason and the same public comments.
    const failing = await submitRequest(requester, REPLICA, { instance: 'db-3' });
    await walk(failing, 'approve', 'start', {
      verb: 'fail',
      body: { reason: 'Node db-3 is gone' },
    });
    await settle(t);
    const failed = fieldsOf(mailTo(smtp, requester.email, failing.id, 'Request failed'));
    expect(failed.rows.State).toBe('failed');
    expect(failed.sections[`Comment from ${nameOf(operator)}`]).toEqual(['> Node db-3 is gone']);
    expect(failed.sections.Next).toEqual(['- nobody: the request is finished']);
  });

  it('asks a Consulted party with agree and disagree links; a late one is told who answered', async () => {
    const { consultant, approver } = cast.onRequest;
    const plan = await submitRequest(
      cast.provider.requester,
      'data-masking.pdm-masking-plan-creation-and-execution',
      { database: 'crm' },
      { organizationId: cast.onRequest.organizationId },
    );
    await settle(t);
    const { dueAt } = plan.view;
    const asked = fieldsOf(mailTo(smtp, consultant.email, plan.id, 'Your opinion is requested'));
    expect(asked.rows.State).toBe('waiting for the opinions of the Consulted parties');
    expect(asked.sections.Next).toEqual([
      `- the customer's consultants or approvers: give their opinion, by ${en(dueAt!)}`,
    ]);
    expect(Object.keys(asked.links)).toEqual(['Agree', 'Disagree', 'View the request']);

    const disagree = path(asked.links.Disagree);
    expect((await request(t.http).get(disagree).expect(200)).text).toContain(
      'Disagree with this request?',
    );
    await request(t.http)
      .post(disagree)
      .type('form')
      .send({ reason: 'Not the billing schema' })
      .expect(200);

    const late = fieldsOf(mailTo(smtp, approver.email, plan.id, 'Your opinion is requested'));
    const page = await request(t.http).get(path(late.links.Agree)).expect(410);
    expect(page.text).toContain(
      `This link no longer applies: an opinion was given by ${nameOf(consultant)} (${consultant.email})`,
    );
    expect(page.text).not.toContain('<form');
    await settle(t);
    const decide = fieldsOf(mailTo(smtp, cast.provider.approver.email, plan.id, 'Approval needed'));
    expect(decide.sections['Opinions of the Consulted parties']).toEqual([
      '- the customer: disagree',
    ]);
    const opinion = Object.keys(decide.sections).find((title) =>
      title.startsWith(`Comment from ${nameOf(consultant)} (the customer), `),
    );
    expect(decide.sections[opinion!]).toEqual(['> Not the billing schema']);
  });

  it("never replaces the submitter's comment by the engine's note: both are shown", async () => {
    const { approver, operator } = cast.selfService;
    const { id } = await submitRequest(
      approver,
      'kubernetes.add-node',
      { cluster: 'k8s-1', count: 2 },
      { comment: 'Two more for the sales peak' },
    );
    await settle(t);
    const fields = fieldsOf(mailTo(smtp, operator.email, id, 'Work assigned'));
    expect(fields.rows.State).toBe('approved, waiting for the work to start');
    expect(fields.rows['Performed by']).toBe('the customer, through ITCare');
    expect(fields.sections.Parameters).toEqual([
      '- Name of the Kubernetes cluster: k8s-1',
      '- Number of nodes to add: 2',
    ]);
    expect(fields.sections[`Comment from ${nameOf(approver)}`]).toEqual([
      '> Two more for the sales peak',
    ]);
    expect(fields.sections.Note).toEqual([
      'Submitted by an approver of the Accountable party: the catalog makes the submission the decision.',
    ]);
    expect(fields.sections.Next).toEqual(["- the customer's operators: do the work"]);
  });
});
