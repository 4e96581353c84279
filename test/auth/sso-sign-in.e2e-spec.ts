import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, Session } from '@app/parties';
import { createCustomer, createUser, Actor } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { launchBrowser } from '../helpers/browser';
import { createTestApp, TestApp } from '../helpers/create-app';
import { signInAtProvider } from '../helpers/identity-provider/sign-in-at-provider';
import {
  ACR_MFA,
  startIdentityProvider,
  TEST_ONE_TIME_CODE,
  TestIdentityProvider,
} from '../helpers/identity-provider/test-identity-provider';
import { freePort } from '../helpers/throwaway-redis';

const ADA = { sub: 'sso-ada-0001', email: 'ada.sso@example.test' };
const GRACE = { sub: 'sso-grace-0002', email: 'grace.sso@example.test', emailVerified: false };
const STRANGER = { sub: 'sso-stranger-0003', email: 'stranger.sso@example.test' };

/**
 * Single sign-on in a real browser: the engine listens on a port of its own, a real OpenID
 * provider (a child process) shows its sign-in form, and Chromium goes from one to the other.
 */
describe('single sign-on with the identity provider', () => {
  jest.setTimeout(90_000);
  let idp: TestIdentityProvider;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ada: Actor;
  let grace: Actor;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider({
      accounts: [ADA, GRACE, STRANGER],
      redirectUris: [`${base}/auth/callback`],
      postLogoutRedirectUris: [`${base}/`],
    });
    t = await createTestApp({
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.webClient.clientId,
        OIDC_CLIENT_SECRET: idp.webClient.clientSecret,
        OIDC_STEP_UP_ACR: ACR_MFA,
        PUBLIC_URL: base,
        LINK_SECRET: 'sso-e2e-link-secret-0123456789abcdef',
      },
    });
    await t.app.listen(port, '127.0.0.1');
    const customer = await createCustomer(t);
    ada = await createUser(t, customer.id, [Role.Requester], ADA.email);
    grace = await createUser(t, customer.id, [Role.Requester], GRACE.email);
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    // A browser of its own for each test: no cookie nor provider session carried over.
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context?.close());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.stop();
  });

  /** The engine's cookies in the browser, by name: the session's (on /) and the sign-in's (on /auth). */
  async function engineCookies(): Promise<Record<string, string>> {
    const cookies = await context.cookies([base, `${base}/auth/callback`]);
    return Object.fromEntries(cookies.map((cookie) => [cookie.name, cookie.value]));
  }

  /**
   * Signs out as the console does: a plain form POST from a page of the engine's own origin (served
   * here by the browser's router), then wherever the engine and the provider send the browser.
   */
  async function signOut(): Promise<void> {
    await page.route(`${base}/sign-out-page`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<form method="post" action="/auth/logout"><button id="out">Sign out</button></form>',
      }),
    );
    await page.goto(`${base}/sign-out-page`);
    await Promise.all([page.waitForURL(`${base}/`, { timeout: 30_000 }), page.click('#out')]);
  }

  async function userOf(id: string) {
    const users = await api(t, t.adminToken)
      .get(`/v1/organizations/${ada.organizationId}/users`)
      .expect(200);
    return (users.body.items as { id: string; oidcSubject: string | null }[]).find(
      (user) => user.id === id,
    )!;
  }

  it('signs a person in by verified email, links them, and signs them out here and there', async () => {
    await page.goto(`${base}/auth/login?returnTo=${encodeURIComponent('/v1/me')}`);
    expect(page.url().startsWith(idp.issuer)).toBe(true);
    await signInAtProvider(page, { email: ADA.email });
    await page.waitForURL(`${base}/v1/me`);
    expect(JSON.parse((await page.textContent('body'))!)).toMatchObject({
      id: ada.id,
      email: ADA.email,
    });

    const cookies = await engineCookies();
    expect(cookies.raci_session).toBeTruthy();
    expect(cookies.raci_sign_in).toBeUndefined();
    const session = await request(t.http)
      .get('/v1/me')
      .set('Cookie', `raci_session=${cookies.raci_session}`)
      .expect(200);
    expect(session.body.id).toBe(ada.id);
    expect((await userOf(ada.id)).oidcSubject).toBe(ADA.sub);
    const events = await api(t, t.adminToken)
      .get(`/v1/audit/admin-events?organizationId=${ada.organizationId}`)
      .expect(200);
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        action: 'user.updated',
        subjectId: ada.id,
        actorId: ada.id,
        changes: { oidcSubject: { from: null, to: ADA.sub } },
      }),
    );

    await signOut();
    expect((await engineCookies()).raci_session).toBeUndefined();
    await request(t.http)
      .get('/v1/me')
      .set('Cookie', `raci_session=${cookies.raci_session}`)
      .expect(401);
  });

  it('sends the browser to the provider to sign out, and back home', async () => {
    await page.goto(`${base}/auth/login`);
    await signInAtProvider(page, { email: ADA.email });
    await page.waitForURL(`${base}/`);
    const providerPages: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) providerPages.push(frame.url());
    });
    await signOut();
    expect(providerPages.some((url) => url.startsWith(`${idp.issuer}/session/end`))).toBe(true);

    // Signed out at the provider too: the next sign-in asks for the password again.
    await page.goto(`${base}/auth/login`);
    expect(await page.getByLabel('Password').count()).toBe(1);
  });

  it('signs a linked person in by subject, whatever address the provider now has', async () => {
    await idp.addAccount({ ...ADA, email: 'ada.renamed@example.test' });
    try {
      await page.goto(`${base}/auth/login?returnTo=/v1/me`);
      await signInAtProvider(page, { email: 'ada.renamed@example.test' });
      await page.waitForURL(`${base}/v1/me`);
      expect(JSON.parse((await page.textContent('body'))!).id).toBe(ada.id);
    } finally {
      await idp.addAccount(ADA);
    }
  });

  it('asks the provider for a fresh multi-factor sign-in for step-up, and records it', async () => {
    const asked: string[] = [];
    page.on('request', (req) => {
      if (req.url().startsWith(`${idp.issuer}/auth?`)) asked.push(req.url());
    });
    await page.goto(`${base}/auth/login?returnTo=/v1/me&acr=${encodeURIComponent(ACR_MFA)}`);
    await signInAtProvider(page, { email: ADA.email, otp: TEST_ONE_TIME_CODE });
    await page.waitForURL(`${base}/v1/me`);
    const query = new URL(asked[0]).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      acr_values: ACR_MFA,
      max_age: '0',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
      redirect_uri: `${base}/auth/callback`,
    });
    const sessions = t.app.get(DataSource).getRepository(Session);
    const newest = await sessions.findOne({
      where: { userId: ada.id },
      order: { createdAt: 'DESC' },
    });
    expect(newest).toMatchObject({ method: 'oidc', acr: ACR_MFA });
    expect(newest!.amr).toEqual(expect.arrayContaining(['mfa']));

    await request(t.http).get('/auth/login?acr=urn:other').expect(400);
  });

  it('refuses an unknown person, and an unverified address, with a page and no session', async () => {
    for (const person of [STRANGER, GRACE]) {
      const pageOf = await context.newPage();
      await pageOf.goto(`${base}/auth/login?returnTo=/v1/me`);
      const answer = pageOf.waitForResponse((res) => res.url().startsWith(`${base}/auth/callback`));
      await signInAtProvider(pageOf, { email: person.email });
      expect((await answer).status()).toBe(403);
      expect(await pageOf.textContent('#problem')).toContain('ask an admin');
      expect((await engineCookies()).raci_session).toBeUndefined();
      await context.clearCookies();
    }
    expect((await userOf(grace.id)).oidcSubject).toBeNull();
    const users = await api(t, t.adminToken)
      .get(`/v1/organizations/${ada.organizationId}/users`)
      .expect(200);
    expect(JSON.stringify(users.body)).not.toContain(STRANGER.email);
  });

  it('refuses a returnTo of another site', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const res = await request(t.http).get('/auth/login').query({ returnTo }).expect(400);
      expect(res.body.code).toBe('RETURN_TO_INVALID');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('shows an error page for a tampered state, or a callback without its sign-in', async () => {
    await page.goto(`${base}/auth/login?returnTo=/v1/me`);
    expect((await engineCookies()).raci_sign_in).toBeTruthy();
    const tampered = await page.goto(`${base}/auth/callback?code=forged&state=tampered`);
    expect(tampered!.status()).toBe(400);
    expect(await page.textContent('#problem')).toContain('could not be completed');
    expect(await engineCookies()).not.toHaveProperty('raci_session');
    expect(await engineCookies()).not.toHaveProperty('raci_sign_in');

    const orphan = await page.goto(`${base}/auth/callback?code=forged&state=whatever`);
    expect(orphan!.status()).toBe(400);
    expect(await page.getAttribute('#try-again', 'href')).toBe(`${base}/auth/login?returnTo=%2F`);
  });

  it('answers POST /auth/logout without a cookie by going home', async () => {
    const res = await request(t.http).post('/auth/logout').expect(303);
    expect(res.headers.location).toBe(`${base}/`);
  });
});

describe('single sign-on callbacks that fail, again and again', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The provider is never reached: a callback without its sign-in cookie fails before.
    t = await createTestApp({
      env: {
        OIDC_ISSUER: 'http://127.0.0.1:9/unreachable',
        OIDC_CLIENT_ID: 'raci-engine-web',
        AUTH_FAILURE_LIMIT: '2',
      },
    });
  });
  afterAll(() => t?.close());

  it('counts each as a failed sign-in, and answers 429 past the limit', async () => {
    for (const status of [400, 400, 429]) {
      const res = await request(t.http)
        .get('/auth/callback?code=guess&state=guess')
        .expect(status)
        .expect('Content-Type', /text\/html/);
      if (status === 429) {
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.text).toContain('Too many failed authentications');
      }
    }
  });
});

describe('single sign-on, not set up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers 404 SSO_NOT_CONFIGURED', async () => {
    const res = await request(t.http).get('/auth/login').expect(404);
    expect(res.body.code).toBe('SSO_NOT_CONFIGURED');
  });
});
