import { Browser, Page } from 'playwright-core';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { launchBrowser } from '../helpers/browser';
import { createTestApp, TestApp } from '../helpers/create-app';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { freePort } from '../helpers/throwaway-redis';
import { signInAtProvider } from '../helpers/identity-provider/sign-in-at-provider';
import {
  ACR_MFA,
  ACR_PASSWORD,
  startIdentityProvider,
  TEST_ONE_TIME_CODE,
  TestIdentityProvider,
} from '../helpers/identity-provider/test-identity-provider';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-step-up' } };

interface Answer {
  status: number;
  body: { code?: string; state?: string; csrfToken?: string; [key: string]: unknown };
  challenge: string | null;
}

/** A call from the page itself, as the console makes it: the session cookie, and its CSRF token. */
function fetchInPage(page: Page, path: string, init: { method?: string; body?: object } = {}) {
  return page.evaluate(
    async ({ path, method, body }) => {
      const me = await fetch('/v1/me', { headers: { Accept: 'application/json' } });
      const { csrfToken } = (await me.json()) as { csrfToken?: string };
      const res = await fetch(path, {
        method: method ?? 'GET',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return {
        status: res.status,
        body: (await res.json()) as Answer['body'],
        challenge: res.headers.get('WWW-Authenticate'),
      };
    },
    { path, method: init.method, body: init.body },
  );
}

/**
 * Step-up for decisions, end to end: a real OpenID provider with a one-time code as second factor,
 * the engine requiring its MFA `acr` for decisions, and Chromium signing a person in.
 */
describe('step-up for decisions, in a real browser', () => {
  let idp: TestIdentityProvider;
  let smtp: SmtpListener;
  let t: TestApp;
  let cast: Cast;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider({
      redirectUris: [`${base}/auth/callback`],
      postLogoutRedirectUris: [`${base}/`],
    });
    smtp = await new SmtpListener().start();
    t = await createTestApp({
      withWorker: true,
      env: {
        PUBLIC_URL: base,
        SMTP_URL: smtp.url,
        RELAY_POLL_MS: '50',
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.webClient.clientId,
        OIDC_CLIENT_SECRET: idp.webClient.clientSecret,
        OIDC_AUDIENCE: idp.audience,
        OIDC_STEP_UP_ACR: ACR_MFA,
      },
    });
    await t.app.listen(port, '127.0.0.1');
    cast = await createCast(t);
    await enrol(cast.provider.approver);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
    await idp?.stop();
  });

  /** The person also exists at the identity provider, with the same verified address. */
  async function enrol(person: Actor): Promise<void> {
    await idp.addAccount({ sub: `idp-${person.id}`, email: person.email, emailVerified: true });
  }

  async function signIn(page: Page, person: Actor, query: string, otp?: string): Promise<void> {
    await page.goto(`${base}/auth/login?${query}`);
    await signInAtProvider(page, { email: person.email, otp });
  }

  it('challenges a decision made without MFA, and takes it after signing in with MFA', async () => {
    const approver = cast.provider.approver;
    const { id } = await submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
    const page = await (await browser.newContext()).newPage();

    await signIn(page, approver, 'returnTo=%2Fv1%2Fme');
    const weak = await fetchInPage(page, '/v1/me');
    expect(weak.body).toMatchObject({ id: approver.id, authentication: { acr: ACR_PASSWORD } });
    const refused = await fetchInPage(page, `/v1/requests/${id}/approve`, {
      method: 'POST',
      body: { comment: 'Fine by me.' },
    });
    expect(refused).toMatchObject({
      status: 401,
      body: { code: 'STEP_UP_REQUIRED', details: { acrValues: [ACR_MFA] } },
      challenge: expect.stringContaining(
        `error="insufficient_user_authentication", error_description="A multi-factor sign-in is required", acr_values="${ACR_MFA}"`,
      ),
    });

    // The provider asks for the person again (max_age=0), this time with the second factor.
    await signIn(
      page,
      approver,
      `acr=${encodeURIComponent(ACR_MFA)}&returnTo=%2Fv1%2Fme`,
      TEST_ONE_TIME_CODE,
    );
    const approved = await fetchInPage(page, `/v1/requests/${id}/approve`, {
      method: 'POST',
      body: { comment: 'Fine by me.' },
    });
    expect(approved).toMatchObject({ status: 200, body: { state: 'approved' } });

    const history = await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200);
    expect(history.body.items.pop()).toMatchObject({
      event: 'request.approved',
      actorId: approver.id,
      authentication: {
        kind: 'session',
        method: 'oidc',
        acr: ACR_MFA,
        amr: expect.arrayContaining(['otp', 'mfa']),
        authTime: expect.any(String),
      },
    });
    await page.context().close();
  });

  it('in the console, sends the approver through the MFA sign-in and back to the same dialog', async () => {
    const approver = cast.provider.approver;
    const { id } = await submitRequest(cast.onRequest.requester, REPLICA.action, {
      instance: 'db-step-up-console',
    });
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await signIn(page, approver, `returnTo=${encodeURIComponent(`/requests/${id}`)}`);
    await page.waitForURL(`${base}/requests/${id}`);

    await page.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve' });
    await dialog.getByLabel('Comment').fill('After a second factor');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const sso = dialog.getByRole('link', { name: 'Sign in with SSO' });
    await sso.waitFor();
    await sso.click();
    await signInAtProvider(page, { email: approver.email, otp: TEST_ONE_TIME_CODE });
    await page.waitForURL(`${base}/requests/${id}?act=approve`);
    const again = page.getByRole('dialog', { name: 'Approve' });
    await again.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: Approve.' }).waitFor();

    const history = await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200);
    expect(history.body.items.pop()).toMatchObject({
      event: 'request.approved',
      actorId: approver.id,
      authentication: { method: 'oidc', acr: ACR_MFA },
    });
    await context.close();
  });

  it('sends the person of an approval link through the MFA sign-in, then decides with it', async () => {
    const approver = cast.provider.approver;
    const { id } = await submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
    await settle(t);
    const mail = smtp.messages.find((m) => m.to[0] === approver.email && m.text.includes(id))!;
    const approveUrl = /^Approve: (\S+)$/m.exec(mail.text)![1];

    const page = await (await browser.newContext()).newPage();
    await page.goto(approveUrl);
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await signInAtProvider(page, { email: approver.email, otp: TEST_ONE_TIME_CODE });
    expect(page.url()).toBe(approveUrl);
    expect(await page.textContent('h1')).toBe('Approve this request?');
    expect((await api(t, cast.provider.admin).get(`/v1/requests/${id}`)).body.state).toBe(
      'pending_approval',
    );

    await page.fill('textarea[name=reason]', 'Approved with my second factor');
    await Promise.all([page.waitForNavigation(), page.click('#confirm')]);
    expect(await page.textContent('#result')).toContain('is now approved');
    const history = await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`).expect(200);
    expect(history.body.items.pop()).toMatchObject({
      event: 'request.approved',
      actorId: approver.id,
      comment: 'Approved with my second factor',
      authentication: { kind: 'session', method: 'oidc', acr: ACR_MFA },
    });
    await page.context().close();
  });
});
