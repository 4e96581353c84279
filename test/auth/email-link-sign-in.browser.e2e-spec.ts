import { Browser } from 'playwright-core';
import { QueueName } from '@app/core';
import { Role } from '@app/parties';
import { createCustomer, createUser } from '../factories/parties.factory';
import { launchBrowser } from '../helpers/browser';
import { createTestApp, TestApp } from '../helpers/create-app';
import { SmtpListener } from '../helpers/smtp-listener';
import { freePort } from '../helpers/throwaway-redis';
import { waitForJobs } from '../helpers/wait-for-jobs';

describe('signing in by emailed link, in a real browser', () => {
  jest.setTimeout(60_000);
  let smtp: SmtpListener;
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    smtp = await new SmtpListener().start();
    t = await createTestApp({ withWorker: true, env: { SMTP_URL: smtp.url, PUBLIC_URL: origin } });
    await t.app.listen(port, '127.0.0.1');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  it('signs in from the page of the link, then changes things with the cookie and its CSRF token', async () => {
    const ada = await createUser(t, (await createCustomer(t)).id, [Role.Requester]);
    // Ada signed in once already, for her token: her link here is the mail after that one.
    await waitForJobs(t.queue(QueueName.SignIn));
    const mailsBefore = smtp.messages.filter((m) => m.to.includes(ada.email)).length;
    const asked = await fetch(`${origin}/auth/email-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ada.email, returnTo: '/health' }),
    });
    expect(asked.status).toBe(202);
    await waitForJobs(t.queue(QueueName.SignIn));
    const mail = smtp.messages.filter((m) => m.to.includes(ada.email))[mailsBefore];
    const link = /^Sign in: (\S+)$/m.exec(mail.text)![1];

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Sign in to raci-engine');
    expect(await context.cookies()).toEqual([]);

    await Promise.all([page.waitForURL(`${origin}/health`), page.click('#sign-in')]);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'raci_session', httpOnly: true, sameSite: 'Lax' });

    const calls = await page.evaluate(async () => {
      const me = (await (await fetch('/v1/me')).json()) as {
        email: string;
        csrfToken: string;
        authentication: { method: string };
      };
      const change = (headers: Record<string, string>) =>
        fetch('/v1/me/notification-preferences', {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ informed: 'off' }),
        }).then((res) => res.status);
      return {
        me,
        without: await change({}),
        with: await change({ 'X-CSRF-Token': me.csrfToken }),
        // What a script of the page can read of the cookies: nothing, the session's is HttpOnly.
        script: (globalThis as unknown as { document: { cookie: string } }).document.cookie,
      };
    });
    expect(calls.me).toMatchObject({ email: ada.email, authentication: { method: 'email_link' } });
    expect(calls.without).toBe(403);
    expect(calls.with).toBe(200);
    expect(calls.script).toBe('');

    const reused = await page.goto(link);
    expect(reused!.status()).toBe(410);
    await context.close();
  });
});
