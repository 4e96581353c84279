import Redis from 'ioredis';
import request from 'supertest';
import { JobName, JobQueue, PlanDigestResult, QueueName, redisOptions } from '@app/core';
import { localDay, UnsubscribeLinks } from '@app/notifications';
import { Role } from '@app/parties';
import { Cast } from '../factories/cast.factory';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { lettersAbout, settle } from '../helpers/mailbox';
import { ReceivedMail, SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';

/**
 * A digest hour still ahead on the local day, so the hourly tick cannot send a digest of this file
 * before the test does: 23:00, in UTC, or half a day behind it late in the UTC day.
 */
const DIGEST_TIMEZONE = new Date().getUTCHours() < 21 ? 'UTC' : 'Etc/GMT+12';
const PUBLIC_URL = 'https://raci.test';

describe('notification preferences', () => {
  let bed: MailTestBed;
  let t: TestApp;
  let smtp: SmtpListener;
  let cast: Cast;
  let contact: string;

  beforeAll(async () => {
    bed = await createMailTestBed({
      DIGEST_HOUR: '23',
      DIGEST_TIMEZONE,
      PUBLIC_URL,
      LINK_SECRET: 'preferences-link-secret-0123456789abcdef',
      TRUST_PROXY: 'loopback',
    });
    ({ t, smtp, cast } = bed);
    const org = await api(t, t.adminToken).get(
      `/v1/organizations/${cast.onRequest.organizationId}`,
    );
    contact = org.body.contactEmails[0];
  });
  afterAll(() => bed.close());

  const preferencesOf = (caller: Actor | string) =>
    api(t, caller).get('/v1/me/notification-preferences');
  const choose = (caller: Actor | string, informed: unknown) =>
    api(t, caller).put('/v1/me/notification-preferences', { informed });
  const mailsAbout = (id: string, to?: string): ReceivedMail[] =>
    smtp.messages.filter((m) => m.text.includes(id) && (!to || m.to.includes(to)));
  /** The path and token of an unsubscribe URL. */
  const pathOf = (url: string) => url.slice(PUBLIC_URL.length);

  it('shows and sets the caller’s own choice; immediate until they choose', async () => {
    const { selfService } = cast;
    expect((await preferencesOf(selfService.requester).expect(200)).body).toEqual({
      informed: 'immediate',
    });
    for (const informed of ['daily-digest', 'off', 'immediate']) {
      expect((await choose(selfService.requester, informed).expect(200)).body).toEqual({
        informed,
      });
      expect((await preferencesOf(selfService.requester).expect(200)).body).toEqual({ informed });
    }
    // Another user's choice is theirs alone.
    await choose(selfService.operator, 'off').expect(200);
    expect((await preferencesOf(selfService.requester)).body.informed).toBe('immediate');
  });

  it('refuses a bad value with the field named, and the bootstrap admin, who has no user', async () => {
    const { selfService } = cast;
    for (const body of [{ informed: 'weekly' }, {}, { informed: 'off', extra: true }]) {
      const res = await api(t, selfService.requester)
        .put('/v1/me/notification-preferences', body)
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields.length).toBeGreaterThan(0);
    }
    const bad = await choose(selfService.requester, 'weekly').expect(400);
    expect(bad.body.details.fields).toEqual([
      { field: 'informed', message: 'informed must be one of: immediate, daily-digest, off' },
    ]);
    for (const res of [
      await preferencesOf(t.adminToken).expect(403),
      await choose(t.adminToken, 'off').expect(403),
    ]) {
      expect(res.body).toMatchObject({ statusCode: 403, code: 'PREFERENCES_NEED_A_USER' });
    }
    await request(t.http).get('/v1/me/notification-preferences').expect(401);
  });

  it('off: no Informed mail at all, but mail asking to approve still comes', async () => {
    const { onRequest: customer, provider } = cast;
    await choose(customer.approver, 'off').expect(200);
    // As submitter, the customer's approver is Informed of the replica: told nothing.
    const replica = await submitRequest(customer.approver, 'mariadb.add-read-only-replica', {
      instance: 'db-off',
    });
    // The provider proposes a patch the customer's approvers decide: asked all the same.
    const patch = await submitRequest(
      provider.requester,
      'mariadb.security-patches',
      { resource: 'db-off' },
      { organizationId: customer.organizationId },
    );
    await settle(t);
    expect(lettersAbout(smtp, replica.id)).toEqual(
      [
        `Approval needed -> ${provider.approver.email}`,
        `Approval needed -> ${provider.secondApprover.email}`,
        `Request submitted -> ${contact}`,
      ].sort(),
    );
    expect(lettersAbout(smtp, patch.id)).toContain(`Approval needed -> ${customer.approver.email}`);
    await walk(replica, 'approve', 'start', 'complete');
    await settle(t);
    expect(mailsAbout(replica.id, customer.approver.email)).toEqual([]);
    await choose(customer.approver, 'immediate').expect(200);
  });

  it('puts a one-click unsubscribe on Informed mail only; its POST turns that user’s Informed mail off', async () => {
    const { onRequest: customer } = cast;
    const replica = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-unsubscribe',
    });
    await settle(t);
    const [informed] = mailsAbout(replica.id, customer.requester.email);
    expect(informed.subject).toMatch(/^Request submitted/);
    const header = informed.headers['list-unsubscribe'];
    expect(header).toMatch(
      new RegExp(`^<${PUBLIC_URL}/v1/unsubscribe/${customer.requester.id}\\.[\\w-]{43}>$`),
    );
    expect(informed.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = header.slice(1, -1);
    expect(informed.text).toContain(`unsubscribe: ${url}`);
    // Neither mail asking to act nor the customer's contact mailbox (no user) carries one.
    const others = mailsAbout(replica.id).filter((m) => m !== informed);
    expect(others.length).toBeGreaterThanOrEqual(3);
    for (const mail of others) {
      expect(mail.headers['list-unsubscribe']).toBeUndefined();
      expect(mail.headers['list-unsubscribe-post']).toBeUndefined();
    }

    // Following the link only shows a button; the mail program's POST unsubscribes, no bearer.
    const page = await request(t.http).get(pathOf(url)).expect(200);
    expect(page.text).toContain('<form method="post">');
    expect((await preferencesOf(customer.requester)).body.informed).toBe('immediate');
    // As RFC 8058 has mail programs send it: multipart/form-data (or URL-encoded, below).
    const done = await request(t.http)
      .post(pathOf(url))
      .field('List-Unsubscribe', 'One-Click')
      .expect(200);
    expect(done.text).toContain('id="result"');
    expect((await preferencesOf(customer.requester)).body.informed).toBe('off');
    // A second click changes nothing and says so the same way.
    await request(t.http)
      .post(pathOf(url))
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);

    await walk(replica, 'approve');
    await settle(t);
    expect(mailsAbout(replica.id, customer.requester.email)).toHaveLength(1);
    expect(mailsAbout(replica.id, contact).map((m) => m.subject.split(':')[0])).toContain(
      'Request approved',
    );
  });

  it('refuses a forged link, or one user’s signature on another’s id, counting each as a failed authentication', async () => {
    const { onRequest: customer, selfService } = cast;
    // A link as the mail gives it to the self-service requester.
    const url = t.app.get(UnsubscribeLinks).url(selfService.requester.id);
    const signature = url.split('.').pop()!;
    const client = '203.0.113.81';
    const forged = [
      `/v1/unsubscribe/${customer.operator.id}.${signature}`,
      `/v1/unsubscribe/${selfService.requester.id}.${'A'.repeat(43)}`,
      `/v1/unsubscribe/${selfService.requester.id}`,
    ];
    for (const path of forged) {
      const res = await request(t.http).post(path).set('X-Forwarded-For', client).expect(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('This unsubscribe link is not valid.');
    }
    await request(t.http).get(forged[0]).set('X-Forwarded-For', client).expect(404);
    const redis = new Redis(redisOptions(t.config.env.REDIS_URL));
    try {
      expect(await redis.get(`${t.config.env.QUEUE_PREFIX}:auth-failures:${client}`)).toBe('4');
    } finally {
      redis.disconnect();
    }
    expect((await preferencesOf(customer.operator)).body.informed).toBe('immediate');
    expect((await preferencesOf(selfService.requester)).body.informed).toBe('immediate');
  });

  it('daily-digest: one message a day with the day’s news by request, in the organization’s language', async () => {
    const french = await createCustomer(t, {
      plan: 'on-request',
      locale: 'fr',
      contactEmails: ['cloud@exemple.fr'],
    });
    const requester = await createUser(t, french.id, [Role.Requester]);
    await choose(requester, 'daily-digest').expect(200);
    // Their sign-in link, mailed when they signed in for their token, is no news of a request.
    const newsTo = () =>
      smtp.messages.filter(
        (m) => m.to.includes(requester.email) && !m.messageId.startsWith('<sign-in.'),
      );
    const submit = async (instance: string) =>
      (
        await api(t, requester)
          .post('/v1/requests', { action: 'mariadb.add-read-only-replica', params: { instance } })
          .expect(201)
      ).body.id as string;
    const approved = await submit('bdd-1');
    const rejected = await submit('bdd-2');
    await api(t, cast.provider.approver).post(`/v1/requests/${approved}/approve`, {}).expect(200);
    await api(t, cast.provider.approver)
      .post(`/v1/requests/${rejected}/reject`, { reason: 'Pas de fenêtre cette semaine' })
      .expect(200);
    await settle(t);
    // Nothing at once for the user; the organization's mailbox is told as usual.
    expect(newsTo()).toEqual([]);
    expect(lettersAbout(smtp, rejected)).toContain('Demande rejetée -> cloud@exemple.fr');

    const day = localDay(new Date(), DIGEST_TIMEZONE);
    const digest = { name: JobName.PlanDigest, data: { userId: requester.id, day } } as const;
    await t.app.get(JobQueue).enqueue([digest]);
    const mail = await waitFor(() => newsTo()[0], 'the digest');
    expect(mail.messageId).toBe(`<digest.${requester.id}.${day}@raci-engine>`);
    expect(mail.subject).toBe(`Résumé du ${day} : 4 nouvelles sur 2 demandes`);
    const news = (id: string, state: string, ...events: string[]) =>
      new RegExp(
        [
          `Ajouter un réplica MariaDB en lecture seule \\(${french.name}\\), désormais ${state}`,
          `Demande: ${id}`,
          ...events.map((event) => `- \\d{1,2} \\S+ \\d{4} à \\d{2}:\\d{2} UTC: ${event}`),
        ].join('\n'),
      );
    expect(mail.text).toMatch(
      news(
        approved,
        'approuvée, en attente de réalisation',
        'Demande soumise',
        'Demande approuvée',
      ),
    );
    expect(mail.text).toMatch(
      news(
        rejected,
        'rejetée',
        'Demande soumise',
        'Demande rejetée \\(Note: Pas de fenêtre cette semaine\\)',
      ),
    );
    expect(mail.headers['list-unsubscribe']).toMatch(
      new RegExp(`^<${PUBLIC_URL}/v1/unsubscribe/${requester.id}\\.`),
    );
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // Asked again the same day, or run again once BullMQ has forgotten the job: nothing more.
    const queue = t.queue(QueueName.Digests);
    const jobId = `digest.${requester.id}.${day}`;
    const resultOf = async () =>
      ((await queue.getJob(jobId))?.returnvalue ?? undefined) as PlanDigestResult | undefined;
    await t.app.get(JobQueue).enqueue([digest]);
    const first = await waitFor(resultOf, 'the digest job');
    expect(first).toMatchObject({ outcome: 'planned', items: 4 });
    await queue.remove(jobId);
    await t.app.get(JobQueue).enqueue([digest]);
    expect(await waitFor(resultOf, 'the rerun')).toEqual({
      ...first,
      outcome: 'already-planned',
      items: 0,
    });
    await settle(t);
    expect(newsTo()).toHaveLength(1);
  });
});
