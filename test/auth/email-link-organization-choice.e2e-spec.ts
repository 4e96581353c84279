import request from 'supertest';
import { QueueName } from '@app/core';
import { Role } from '@app/parties';
import { checkedByContract } from '../contract/contract-check';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { ReceivedMail, SmtpListener } from '../helpers/smtp-listener';
import { waitForJobs } from '../helpers/wait-for-jobs';

const LIMIT = 5;
const SHARED = 'shared.person@both.example';

/**
 * A person whose address has accounts in several organizations signs in by emailed link: the link
 * proves the address, then the person chooses the organization, once, on the engine's own page.
 */
describe('sign-in by emailed link to an address of several organizations', () => {
  let t: TestApp;
  let smtp: SmtpListener;
  let globex: { id: string; name: string };
  let initech: { id: string; name: string };
  let gone: { id: string; name: string };
  let atGlobex: Actor;
  let atInitech: Actor;

  beforeAll(async () => {
    smtp = await new SmtpListener().start();
    t = await createTestApp({
      withWorker: true,
      env: { SMTP_URL: smtp.url, SIGN_IN_LINK_LIMIT: String(LIMIT), AUTH_FAILURE_LIMIT: '100' },
    });
    globex = await createCustomer(t);
    initech = await createCustomer(t);
    gone = await createCustomer(t);
    atGlobex = await createUser(t, globex.id, [Role.Requester], SHARED, unsigned);
    atInitech = await createUser(t, initech.id, [Role.Requester], SHARED.toUpperCase(), unsigned);
    const deactivated = await createUser(t, gone.id, [Role.Requester], SHARED, unsigned);
    const goneAdmin = await createUser(t, gone.id, [Role.Admin]);
    await api(t, goneAdmin).patch(`/v1/users/${deactivated.id}`, { active: false }).expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  // Not signed in by the factory: the tests count every link an address gets.
  const unsigned = { signIn: false };

  const mailsTo = (email: string): ReceivedMail[] =>
    smtp.messages.filter((mail) => mail.to.includes(email));

  async function askForLink(email: string, returnTo?: string): Promise<void> {
    const body = { email, ...(returnTo ? { returnTo } : {}) };
    expect((await request(t.http).post('/auth/email-link').send(body)).status).toBe(202);
    await waitForJobs(t.queue(QueueName.SignIn));
  }

  /** The path of the sign-in link of a fresh mail to `email`. */
  async function linkFor(email: string, returnTo?: string): Promise<string> {
    const before = mailsTo(email).length;
    await askForLink(email, returnTo);
    expect(mailsTo(email)).toHaveLength(before + 1);
    const url = /https?:\/\/\S+\/auth\/email-link\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/.exec(
      mailsTo(email).at(-1)!.text,
    )?.[0];
    expect(url).toBeDefined();
    return new URL(url!).pathname;
  }

  function cookieNamed(res: request.Response, name: string): string | undefined {
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return cookies.find((cookie) => cookie.startsWith(`${name}=`));
  }

  const checked = (test: request.Test) => checkedByContract(t.http, test);
  const chooser = (cookie?: string) => {
    const call = request(t.http).get('/auth/choose');
    return checked(cookie ? call.set('Cookie', cookie) : call);
  };
  const choose = (userId: string, cookie?: string) => {
    const call = request(t.http)
      .post(`/auth/choose/${userId}`)
      .set('Sec-Fetch-Site', 'same-origin');
    return checked(cookie ? call.set('Cookie', cookie) : call);
  };

  /** Uses a fresh link: the choice it opens, as the `raci_choice=…` cookie to send back. */
  async function openChoice(returnTo?: string): Promise<string> {
    const used = await checked(
      request(t.http)
        .post(await linkFor(SHARED, returnTo))
        .set('Sec-Fetch-Site', 'same-origin'),
    );
    expect(used.status).toBe(303);
    expect(used.headers.location).toMatch(/\/auth\/choose$/);
    expect(cookieNamed(used, 'raci_session')).toBeUndefined();
    const choice = cookieNamed(used, 'raci_choice')!;
    expect(choice).toContain('HttpOnly');
    expect(choice).toContain('SameSite=Lax');
    expect(choice).toContain('Path=/auth/choose');
    return choice.split(';')[0];
  }

  it('offers the organizations of the active accounts, and each choice signs in to that one', async () => {
    for (const account of [atGlobex, atInitech]) {
      const choice = await openChoice('/v1/me');
      const page = await chooser(choice);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      expect(page.text).toContain(`>${globex.name}</button>`);
      expect(page.text).toContain(`>${initech.name}</button>`);
      expect(page.text).not.toContain(gone.name);
      expect(page.text).toContain(`action="choose/${account.id}"`);
      expect(page.text).not.toContain('<script');

      const chosen = await choose(account.id, choice);
      expect(chosen.status).toBe(303);
      expect(chosen.headers.location).toBe('/v1/me');
      expect(cookieNamed(chosen, 'raci_choice')).toMatch(/^raci_choice=;/);
      const session = cookieNamed(chosen, 'raci_session')!.split(';')[0];
      const me = await checked(request(t.http).get('/v1/me').set('Cookie', session));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: account.id,
        email: SHARED,
        organization: { id: account.organizationId },
        authentication: { method: 'email_link' },
      });
    }
  });

  it('refuses a replayed choice, and a choice once the chooser has moved on', async () => {
    const choice = await openChoice();
    expect((await choose(atGlobex.id, choice)).status).toBe(303);
    const replayed = await choose(atInitech.id, choice);
    expect(replayed.status).toBe(410);
    expect(replayed.text).toContain('already chosen');
    expect(cookieNamed(replayed, 'raci_session')).toBeUndefined();
    expect((await chooser(choice)).status).toBe(410);
  });

  it('refuses a forged or missing choice, an account not offered, and another site’s form', async () => {
    const choice = await openChoice();
    const forged = `${choice.slice(0, -2)}xx`;
    for (const cookie of [forged, undefined, 'raci_choice=not-a-choice']) {
      const refused = await choose(atGlobex.id, cookie);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('No sign-in is waiting');
      expect(cookieNamed(refused, 'raci_session')).toBeUndefined();
      expect((await chooser(cookie)).status).toBe(400);
    }

    const stranger = await createUser(t, globex.id, [Role.Requester]);
    for (const userId of [stranger.id, 'not-a-uuid']) {
      const notOffered = await choose(userId, choice);
      expect(notOffered.status).toBe(403);
      expect(notOffered.text).toContain('not one this sign-in offered');
      expect(cookieNamed(notOffered, 'raci_session')).toBeUndefined();
    }

    const crossSite = await checked(
      request(t.http)
        .post(`/auth/choose/${atInitech.id}`)
        .set('Cookie', choice)
        .set('Sec-Fetch-Site', 'cross-site'),
    );
    expect(crossSite.status).toBe(403);
    expect(cookieNamed(crossSite, 'raci_session')).toBeUndefined();

    // None of these used the choice up: the person still makes it.
    const chosen = await choose(atInitech.id, choice);
    expect(chosen.status).toBe(303);
    expect(cookieNamed(chosen, 'raci_session')).toBeDefined();
  });

  it('offers no choice to an address with one active account', async () => {
    const single = await createUser(t, globex.id, [Role.Requester], undefined, unsigned);
    const used = await checked(
      request(t.http)
        .post(await linkFor(single.email))
        .set('Sec-Fetch-Site', 'same-origin'),
    );
    expect(used.status).toBe(303);
    expect(used.headers.location).toBe('/');
    expect(cookieNamed(used, 'raci_choice')).toBeUndefined();
    const session = cookieNamed(used, 'raci_session')!.split(';')[0];
    const me = await request(t.http).get('/v1/me').set('Cookie', session).expect(200);
    expect(me.body).toMatchObject({ id: single.id, organization: { id: globex.id } });
  });

  it(`sends no more than ${LIMIT} links an hour to the address, whatever its accounts`, async () => {
    const limited = 'limited.person@both.example';
    // Not signed in by the factory: its links would count towards the limit, and a link used before
    // its job runs is not mailed, so how many of them arrive would depend on timing.
    await createUser(t, globex.id, [Role.Requester], limited, unsigned);
    await createUser(t, initech.id, [Role.Requester], limited, unsigned);
    for (let i = 0; i < LIMIT + 2; i++) await askForLink(limited);
    expect(mailsTo(limited)).toHaveLength(LIMIT);
  });
});
