import { DataSource } from 'typeorm';
import { Role } from '@app/parties';
import { Cast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { createCustomer, createUser } from '../factories/parties.factory';
import { TestApp } from '../helpers/create-app';
import { lettersAbout, settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';

describe('who hears of what, by email', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let cast: Cast;
  let contact: string;

  let bed: MailTestBed;

  beforeAll(async () => {
    bed = await createMailTestBed();
    ({ t, smtp, cast } = bed);
    const org = await api(t, t.adminToken).get(
      `/v1/organizations/${cast.onRequest.organizationId}`,
    );
    contact = org.body.contactEmails[0];
  });
  afterAll(() => bed.close());

  /** What a customer's request for provider A/R work brings: both provider approvers asked, the customer told. */
  const askedAndInformed = (submitter: string) =>
    [
      `Approval needed -> ${cast.provider.approver.email}`,
      `Approval needed -> ${cast.provider.secondApprover.email}`,
      `Request submitted -> ${contact}`,
      `Request submitted -> ${submitter}`,
    ].sort();

  it('MariaDB replica: the provider approvers are asked, its operators get the work, the customer is informed', async () => {
    const { onRequest: customer, provider } = cast;
    const replica = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-1',
    });
    const { id } = replica;
    await settle(t);
    expect(lettersAbout(smtp, id)).toEqual(askedAndInformed(customer.requester.email));
    await walk(replica, { verb: 'approve', body: { comment: 'Go' } }, 'start', 'complete');
    await settle(t);
    const informed = (headline: string) => [
      `${headline} -> ${contact}`,
      `${headline} -> ${customer.requester.email}`,
    ];
    expect(lettersAbout(smtp, id)).toEqual(
      [
        `Approval needed -> ${provider.approver.email}`,
        `Approval needed -> ${provider.secondApprover.email}`,
        ...informed('Request submitted'),
        `Work assigned -> ${provider.operator.email}`,
        ...informed('Request approved'),
        ...informed('Work started'),
        ...informed('Request completed'),
      ].sort(),
    );
    const approval = smtp.messages.find(
      (m) => m.text.includes(id) && m.subject.startsWith('Approval needed'),
    )!;
    expect(approval.text).toContain('Add a MariaDB read-only Replica');
    expect(approval.messageId).toMatch(/^<[0-9a-f-]+\.[0-9a-f]{16}@raci-engine>$/);
  });

  it('a bucket: the customer decides by submitting, so its operators get the work at once', async () => {
    const { selfService: customer, provider } = cast;
    const bucket = await submitRequest(customer.approver, 'object-storage.create-bucket', {
      bucketName: 'ledger-2026',
    });
    const { id } = bucket;
    await settle(t);
    // The provider is Informed, but it has no contact mailbox and did not submit: nobody there to tell.
    expect(lettersAbout(smtp, id)).toEqual([`Work assigned -> ${customer.operator.email}`]);
    await walk(bucket, 'start');
    await settle(t);
    expect(lettersAbout(smtp, id)).toEqual([`Work assigned -> ${customer.operator.email}`]);
    expect(
      smtp.messages.some((m) => m.text.includes(id) && m.to.includes(provider.approver.email)),
    ).toBe(false);
  });

  it('Bot Defense details: the provider approvers are asked, the customer informed', async () => {
    const { onRequest: customer } = cast;
    const { id } = await submitRequest(
      customer.requester,
      'bot-defense.request-blocked-request-details',
      { supportId: '1234-5678' },
    );
    await settle(t);
    expect(lettersAbout(smtp, id)).toEqual(askedAndInformed(customer.requester.email));
  });

  it('a security patch the provider proposes: the customer approvers decide, then the provider operators work', async () => {
    const { onRequest: customer, provider } = cast;
    const patch = await submitRequest(
      provider.requester,
      'mariadb.security-patches',
      { resource: 'db-1' },
      { organizationId: customer.organizationId },
    );
    const { id } = patch;
    await settle(t);
    expect(lettersAbout(smtp, id)).toEqual(
      [
        `Approval needed -> ${customer.approver.email}`,
        `Approval needed -> ${customer.secondApprover.email}`,
        `Request submitted -> ${contact}`,
      ].sort(),
    );
    await walk(patch, 'approve');
    await settle(t);
    expect(
      lettersAbout(smtp, id).filter(
        (letter) =>
          !letter.startsWith('Approval needed') && !letter.startsWith('Request submitted'),
      ),
    ).toEqual(
      [`Request approved -> ${contact}`, `Work assigned -> ${provider.operator.email}`].sort(),
    );
  });

  it('Data Masking: the customer consultants and approvers are asked first, the provider approvers then see their opinion', async () => {
    const { onRequest: customer, provider } = cast;
    const plan = await submitRequest(
      provider.requester,
      'data-masking.pdm-masking-plan-creation-and-execution',
      { database: 'crm' },
      { organizationId: customer.organizationId },
    );
    const { id } = plan;
    await settle(t);
    expect(lettersAbout(smtp, id)).toEqual(
      [
        `Request submitted -> ${contact}`,
        // Whoever may give the Consulted party's opinion is asked for it: consultants and approvers.
        `Your opinion is requested -> ${customer.approver.email}`,
        `Your opinion is requested -> ${customer.consultant.email}`,
        `Your opinion is requested -> ${customer.secondApprover.email}`,
      ].sort(),
    );
    await walk(plan, {
      verb: 'opinions',
      body: { opinion: 'disagree', comment: 'Not the billing schema' },
    });
    await settle(t);
    const asks = smtp.messages.filter(
      (m) => m.text.includes(id) && m.subject.startsWith('Approval needed'),
    );
    expect(asks.map((m) => m.to[0]).sort()).toEqual(
      [provider.approver.email, provider.secondApprover.email].sort(),
    );
    expect(asks[0].text).toMatch(/^- the customer: disagree$/m);
    // What the consultant wrote comes quoted under their name, after the links.
    expect(asks[0].text).toMatch(
      /^Comment from User user-\w+ \(the customer\), [\d-]+ [\d:]+ UTC:\n> Not the billing schema$/m,
    );
  });

  it('tells a French customer in French, and never mails a comment', async () => {
    const french = await createCustomer(t, {
      plan: 'on-request',
      locale: 'fr',
      contactEmails: ['cloud@exemple.fr'],
    });
    const requester = await createUser(t, french.id, [Role.Requester]);
    const id = (
      await api(t, requester)
        .post('/v1/requests', {
          action: 'mariadb.add-read-only-replica',
          params: { instance: 'bdd-1' },
        })
        .expect(201)
    ).body.id;
    await api(t, cast.provider.operator)
      .post(`/v1/requests/${id}/comments`, { body: 'internal note', internal: true })
      .expect(201);
    await settle(t);
    const letters = lettersAbout(smtp, id);
    expect(letters.filter((letter) => letter.startsWith('Demande'))).toEqual(
      [`Demande soumise -> cloud@exemple.fr`, `Demande soumise -> ${requester.email}`].sort(),
    );
    // The provider's approvers are asked in the provider's own language.
    expect(letters.filter((letter) => letter.startsWith('Approval needed'))).toHaveLength(2);
    const inFrench = smtp.messages.find((m) => m.to[0] === 'cloud@exemple.fr')!;
    expect(inFrench.text).toContain('Réalisée par: le fournisseur');
    expect(smtp.messages.some((m) => m.text.includes('internal note'))).toBe(false);
  });

  it('records every delivery; a refused one is a dead letter an admin can send again', async () => {
    const { onRequest: customer, provider } = cast;
    smtp.refuseWith = 550;
    const { id } = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-2',
    });
    await settle(t);
    smtp.refuseWith = undefined;
    const failed = await api(t, provider.admin).get('/v1/notifications?status=failed').expect(200);
    const mine = failed.body.items.filter((d: { requestId: string }) => d.requestId === id);
    expect(mine).toHaveLength(4);
    expect(mine[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/^SMTP 550/),
    });
    await api(t, provider.approver).get('/v1/notifications?status=failed').expect(403);

    await api(t, provider.admin).post(`/v1/notifications/${mine[0].id}/retry`).expect(202);
    await waitFor(
      () => smtp.messages.find((m) => m.messageId === mine[0].messageId),
      'the message sent again',
    );
    // The delivery is settled just after the server accepts the message.
    const row = await waitFor(async () => {
      const [found]: { status: string; retries: number }[] = await t.app
        .get(DataSource)
        .query(`SELECT status, retries FROM notification_deliveries WHERE id = '${mine[0].id}'`);
      return found.status === 'sent' ? found : undefined;
    }, 'the delivery to be settled');
    expect(row).toMatchObject({ status: 'sent', retries: 1 });
    await api(t, provider.admin).post(`/v1/notifications/${mine[0].id}/retry`).expect(409);
  });
});
