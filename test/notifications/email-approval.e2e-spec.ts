import request from 'supertest';
import { DataSource } from 'typeorm';
import { Cast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { TestApp } from '../helpers/create-app';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };

describe('approving from the email', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let cast: Cast;

  let bed: MailTestBed;

  beforeAll(async () => {
    bed = await createMailTestBed({ PUBLIC_URL: 'https://raci.example' });
    ({ t, smtp, cast } = bed);
  });
  afterAll(() => bed.close());

  /** The approve and reject links of the approval email one approver received for a request. */
  const linksOf = (requestId: string, email: string) => {
    const mail = smtp.messages.find(
      (m) =>
        m.to[0] === email && m.text.includes(requestId) && m.subject.startsWith('Approval needed'),
    );
    if (!mail) throw new Error(`no approval email to ${email}`);
    const link = (label: string) =>
      new URL(new RegExp(`^${label}: (\\S+)$`, 'm').exec(mail.text)![1]).pathname;
    expect(mail.html).toContain('href="https://raci.example/v1/email-actions/');
    return { approve: link('Approve'), reject: link('Reject') };
  };
  const submit = async () => {
    const replica = await submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
    await settle(t);
    return replica;
  };
  const stateOf = async (id: string): Promise<string> =>
    (await api(t, cast.provider.admin).get(`/v1/requests/${id}`).expect(200)).body.state as string;

  it('shows a page on GET, acts only on POST, once, as the approver the link was made for', async () => {
    const { id } = await submit();
    const { approve } = linksOf(id, cast.provider.approver.email);
    const page = await request(t.http).get(approve).expect(200).expect('Content-Type', /html/);
    expect(page.text).toContain('Add a MariaDB read-only Replica');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(await stateOf(id)).toBe('pending_approval');

    const done = await request(t.http)
      .post(approve)
      .type('form')
      .send({ reason: 'Fine' })
      .expect(200);
    expect(done.text).toContain('is now approved');
    const history = await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200);
    expect(history.body.items.pop()).toMatchObject({
      event: 'request.approved',
      actorId: cast.provider.approver.id,
      letter: 'A',
      comment: 'Fine',
    });

    const again = await request(t.http).post(approve).type('form').send({}).expect(410);
    expect(again.text).toContain('already used');
    await request(t.http).get(approve).expect(410);
  });

  it('refuses a tampered, an expired or a late link', async () => {
    const replica = await submit();
    const { id } = replica;
    const { approve, reject } = linksOf(id, cast.provider.secondApprover.email);
    await request(t.http)
      .get(`${approve.slice(0, -3)}xyz`)
      .expect(404);
    await request(t.http).get('/v1/email-actions/not-a-link').expect(404);

    const linkId = approve.split('/').pop()!.split('.')[0];
    await t.app
      .get(DataSource)
      .query(`UPDATE email_action_links SET expires_at = created_at WHERE id = '${linkId}'`);
    expect((await request(t.http).post(approve).type('form').send({}).expect(410)).text).toContain(
      'expired',
    );

    // Decided through the API meanwhile: the other approver's reject link can no longer act, and
    // its page says who decided instead of offering a form that could only fail.
    await walk(replica, 'approve');
    const gone = await request(t.http).get(reject).expect(410);
    expect(gone.text).toContain('no longer applies: the request was approved by User');
    expect(gone.text).not.toContain('<form');
    expect(
      (await request(t.http).post(reject).type('form').send({ reason: 'Too late' }).expect(410))
        .text,
    ).toContain('no longer applies');
    expect(await stateOf(id)).toBe('approved');
  });

  it('needs a reason to reject, and sends no link to a submitter (four eyes)', async () => {
    const { provider, onRequest } = cast;
    const { id } = await submitRequest(provider.approver, REPLICA.action, REPLICA.params, {
      organizationId: onRequest.organizationId,
    });
    await settle(t);
    expect(() => linksOf(id, provider.approver.email)).toThrow(/no approval email/);
    const { reject } = linksOf(id, provider.secondApprover.email);
    expect(
      (await request(t.http).post(reject).type('form').send({ reason: ' ' }).expect(200)).text,
    ).toContain('needs a reason');
    await request(t.http)
      .post(reject)
      .type('form')
      .send({ reason: 'Not this quarter' })
      .expect(200);
    expect(await stateOf(id)).toBe('rejected');
    // Let the rejection's mail go before the app closes: on SQLite, closing the in-process worker
    // with that mail in flight can wait past the hook's timeout.
    await settle(t);
  });
});
