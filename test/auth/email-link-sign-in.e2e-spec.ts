import request from 'supertest';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/core';
import { Role, SignInLink } from '@app/parties';
import { checkedByContract } from '../contract/contract-check';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { ReceivedMail, SmtpListener } from '../helpers/smtp-listener';
import { waitForJobs } from '../helpers/wait-for-jobs';

const LIMIT = 3;
const REQUESTED = {
  message:
    'If this address belongs to an active user, a sign-in link is on its way. It works once, for 15 minutes.',
};

describe('sign-in by emailed link', () => {
  let t: TestApp;
  let smtp: SmtpListener;
  let organizationId: string;

  beforeAll(async () => {
    smtp = await new SmtpListener().start();
    t = await createTestApp({
      withWorker: true,
      env: { SMTP_URL: smtp.url, SIGN_IN_LINK_LIMIT: String(LIMIT) },
    });
    organizationId = (await createCustomer(t)).id;
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  /** A new person, who signed in once already for their token: that link's mail has gone out. */
  async function person(): Promise<Actor> {
    const made = await createUser(t, organizationId, [Role.Requester]);
    await waitForJobs(t.queue(QueueName.SignIn));
    return made;
  }

  /** Asks for a link, as anyone may, and waits until the worker has done what it owed. */
  async function askForLink(email: string, returnTo?: string): Promise<request.Response> {
    const res = await checkedByContract(
      t.http,
      request(t.http)
        .post('/auth/email-link')
        .send({ email, ...(returnTo ? { returnTo } : {}) }),
    );
    await waitForJobs(t.queue(QueueName.SignIn));
    return res;
  }

  const mailsTo = (email: string): ReceivedMail[] =>
    smtp.messages.filter((mail) => mail.to.includes(email));

  /** The path of the sign-in link in the last mail to `email`. */
  function linkIn(mail: ReceivedMail): string {
    const url = /https?:\/\/\S+\/auth\/email-link\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/.exec(
      mail.text,
    )?.[0];
    expect(url).toBeDefined();
    return new URL(url!).pathname;
  }

  async function linkFor(actor: Actor, returnTo?: string): Promise<string> {
    const before = mailsTo(actor.email).length;
    expect((await askForLink(actor.email, returnTo)).status).toBe(202);
    const mails = mailsTo(actor.email);
    expect(mails).toHaveLength(before + 1);
    return linkIn(mails.at(-1)!);
  }

  const show = (path: string) => checkedByContract(t.http, request(t.http).get(path));
  const post = (path: string) => checkedByContract(t.http, request(t.http).post(path));

  /** Signs in with a fresh link; returns the session cookie. */
  async function signIn(actor: Actor): Promise<string> {
    const res = await post(await linkFor(actor));
    expect(res.status).toBe(303);
    return sessionCookie(res);
  }

  function sessionCookie(res: request.Response): string {
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((cookie) => cookie.startsWith('raci_session='));
    expect(session).toBeDefined();
    return session!.split(';')[0];
  }

  /** A documented call made with a session cookie instead of a bearer token. */
  const withCookie = (cookie: string, test: request.Test): request.Test =>
    checkedByContract(t.http, test.set('Cookie', cookie));

  it('mails a link to a known address, whatever its case, and answers an unknown one the same', async () => {
    const ada = await person();
    const before = mailsTo(ada.email).length;
    const known = await askForLink(ada.email.toUpperCase());
    expect(known.status).toBe(202);
    expect(known.body).toEqual(REQUESTED);
    expect(mailsTo(ada.email)).toHaveLength(before + 1);
    const mail = mailsTo(ada.email).at(-1)!;
    expect(mail.subject).toBe('Sign in to raci-engine');
    expect(mail.text).toContain('expires in 15 minutes');
    expect(mail.text).toContain('works once');
    expect(mail.text).toContain('you can ignore this message');
    expect(linkIn(mail)).toMatch(/^\/auth\/email-link\//);

    const count = smtp.messages.length;
    const unknown = await askForLink('nobody-here@example.test');
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(smtp.messages).toHaveLength(count);
  });

  it('writes to a French organization in French', async () => {
    const french = await createCustomer(t, { locale: 'fr' });
    const jeanne = await createUser(t, french.id, [Role.Requester]);
    await askForLink(jeanne.email);
    const mail = mailsTo(jeanne.email).at(-1)!;
    expect(mail.subject).toBe('Connexion à raci-engine');
    expect(mail.text).toContain('Le lien expire dans 15 minutes');
    const page = await show(linkIn(mail));
    expect(page.text).toContain('<html lang="fr">');
  });

  it('refuses a malformed body and a returnTo of another site', async () => {
    const malformed = await post('/auth/email-link').send({ email: 'not an address' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    for (const returnTo of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
      const res = await post('/auth/email-link').send({ email: 'a@example.test', returnTo });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('RETURN_TO_INVALID');
    }
  });

  it('shows a page on GET that signs nobody in, and signs in once on POST', async () => {
    const ada = await person();
    const link = await linkFor(ada, '/requests?state=pending_approval');

    const page = await show(link);
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('<form method="post">');

    const fromElsewhere = await post(link).set('Sec-Fetch-Site', 'cross-site');
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers['set-cookie']).toBeUndefined();

    const signedIn = await post(link)
      .set('User-Agent', 'e2e-browser/1.0')
      .set('Sec-Fetch-Site', 'same-origin');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/requests?state=pending_approval');
    const setCookie = ([] as string[]).concat(signedIn.headers['set-cookie']).join('; ');
    expect(setCookie).toMatch(/raci_session=[A-Za-z0-9_-]{43}/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = sessionCookie(signedIn);

    const me = await withCookie(cookie, request(t.http).get('/v1/me'));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: ada.id,
      email: ada.email,
      authentication: { method: 'email_link', acr: null, amr: [] },
    });
    expect(typeof me.body.authentication.authTime).toBe('string');
    expect(me.body.csrfToken).toEqual(expect.any(String));
    const bearer = await api(t, ada).get('/v1/me').expect(200);
    expect(bearer.body.csrfToken).toBeUndefined();
    expect(bearer.body.authentication.method).toBe('api_token');

    const again = await post(link);
    expect(again.status).toBe(410);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.text).toContain('already used');
    expect((await show(link)).status).toBe(410);
  });

  it('asks for the CSRF token on changes made with the cookie', async () => {
    const ada = await person();
    const cookie = await signIn(ada);
    const { csrfToken } = (await withCookie(cookie, request(t.http).get('/v1/me'))).body;
    const change = () =>
      request(t.http).put('/v1/me/notification-preferences').send({ informed: 'off' });

    const without = await withCookie(cookie, change());
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await withCookie(cookie, change().set('X-CSRF-Token', `${csrfToken}x`));
    expect(wrong.status).toBe(403);

    const done = await withCookie(cookie, change().set('X-CSRF-Token', csrfToken));
    expect(done.status).toBe(200);
    expect(done.body.informed).toBe('off');
  });

  it('refuses a link past its fifteen minutes, and a forged one', async () => {
    const ada = await person();
    const link = await linkFor(ada);
    const id = link.split('/').at(-1)!.split('.')[0];
    await t.app
      .get(DataSource)
      .getRepository(SignInLink)
      .update({ id }, { expiresAt: new Date(Date.now() - 1_000) });

    const page = await show(link);
    expect(page.status).toBe(410);
    expect(page.text).toContain('has expired');
    const used = await post(link);
    expect(used.status).toBe(410);
    expect(used.headers['set-cookie']).toBeUndefined();

    const forged = await show(`${link.slice(0, -2)}xx`);
    expect(forged.status).toBe(404);
    expect(forged.headers['content-type']).toMatch(/^text\/html/);
    expect((await post(`${link.slice(0, -2)}xx`)).status).toBe(404);
  });

  it(`sends no more than ${LIMIT} links an hour to one address, and answers the same`, async () => {
    const ada = await person();
    // The link of the sign-in for their token was the first of the hour: mailed, or not when the
    // factory used it before its mail job ran, so the mails are counted from here.
    const before = mailsTo(ada.email).length;
    for (let i = 1; i < LIMIT; i++) await linkFor(ada);
    const over = await askForLink(ada.email);
    expect(over.status).toBe(202);
    expect(over.body).toEqual(REQUESTED);
    expect(mailsTo(ada.email)).toHaveLength(before + LIMIT - 1);
  });

  it('lets a deactivated person neither get a link nor sign in, and ends their sessions', async () => {
    const admin = await createUser(t, organizationId, [Role.Admin]);
    const ada = await person();
    const cookie = await signIn(ada);
    const pending = await linkFor(ada);

    await api(t, admin).patch(`/v1/users/${ada.id}`, { active: false }).expect(200);
    const mails = mailsTo(ada.email).length;
    expect((await askForLink(ada.email)).status).toBe(202);
    expect(mailsTo(ada.email)).toHaveLength(mails);

    const refused = await post(pending);
    expect(refused.status).toBe(410);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect((await withCookie(cookie, request(t.http).get('/v1/me'))).status).toBe(401);
  });

  it('lists the caller’s sessions and ends one, whose cookie then stops working', async () => {
    const ada = await person();
    const laptop = await signIn(ada);
    const phone = await signIn(ada);
    const other = await signIn(await person());

    const listed = await withCookie(phone, request(t.http).get('/v1/me/sessions'));
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    const [newest, oldest] = listed.body.items;
    expect(newest).toMatchObject({ method: 'email_link', current: true, acr: null });
    expect(oldest.current).toBe(false);
    for (const key of ['createdAt', 'lastSeenAt', 'expiresAt']) {
      expect(Date.parse(newest[key])).not.toBeNaN();
    }

    const { csrfToken } = (await withCookie(phone, request(t.http).get('/v1/me'))).body;
    const otherId = (await withCookie(other, request(t.http).get('/v1/me/sessions'))).body.items[0]
      .id;
    const notMine = await withCookie(
      phone,
      request(t.http).delete(`/v1/me/sessions/${otherId}`).set('X-CSRF-Token', csrfToken),
    );
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('SESSION_NOT_FOUND');

    const ended = await withCookie(
      phone,
      request(t.http).delete(`/v1/me/sessions/${oldest.id}`).set('X-CSRF-Token', csrfToken),
    );
    expect(ended.status).toBe(204);
    expect((await withCookie(laptop, request(t.http).get('/v1/me'))).status).toBe(401);
    expect((await withCookie(phone, request(t.http).get('/v1/me'))).status).toBe(200);
    expect((await withCookie(other, request(t.http).get('/v1/me'))).status).toBe(200);
  });
});
