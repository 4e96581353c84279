import { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { Role } from '@app/parties';
import { checkedByContract } from '../contract/contract-check';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { launchBrowser } from '../helpers/browser';
import { createTestApp, TestApp } from '../helpers/create-app';
import { signInAtProvider } from '../helpers/identity-provider/sign-in-at-provider';
import {
  startIdentityProvider,
  TestIdentityProvider,
} from '../helpers/identity-provider/test-identity-provider';
import { freePort } from '../helpers/throwaway-redis';

const SHARED = { sub: 'sso-shared-0101', email: 'shared.sso@both.example' };
const SINGLE = { sub: 'sso-single-0102', email: 'single.sso@globex.example' };

/**
 * Single sign-on, in a real browser against a real OpenID provider, for a person whose verified
 * address has accounts in two organizations: the engine asks which, and signs in to that one.
 */
describe('single sign-on to an address of several organizations', () => {
  jest.setTimeout(90_000);
  let idp: TestIdentityProvider;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let globex: { id: string; name: string };
  let initech: { id: string; name: string };
  let atGlobex: Actor;
  let atInitech: Actor;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider({
      accounts: [SHARED, SINGLE],
      redirectUris: [`${base}/auth/callback`],
      postLogoutRedirectUris: [`${base}/`],
    });
    t = await createTestApp({
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.webClient.clientId,
        OIDC_CLIENT_SECRET: idp.webClient.clientSecret,
        PUBLIC_URL: base,
        LINK_SECRET: 'sso-choice-e2e-link-secret-0123456789',
      },
    });
    await t.app.listen(port, '127.0.0.1');
    globex = await createCustomer(t);
    initech = await createCustomer(t);
    atGlobex = await createUser(t, globex.id, [Role.Requester], SHARED.email);
    atInitech = await createUser(t, initech.id, [Role.Requester], SHARED.email);
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context?.close());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.stop();
  });

  async function engineCookies(): Promise<Record<string, string>> {
    const cookies = await context.cookies([base, `${base}/auth/choose`]);
    return Object.fromEntries(cookies.map((cookie) => [cookie.name, cookie.value]));
  }

  /** Signs in at the provider, from the engine's sign-in, until the chooser shows. */
  async function toTheChooser(): Promise<void> {
    await page.goto(`${base}/auth/login?returnTo=/v1/me`);
    await signInAtProvider(page, { email: SHARED.email });
    await page.waitForURL(`${base}/auth/choose`);
  }

  async function subjectOf(actor: Actor): Promise<string | null> {
    const users = await api(t, t.adminToken)
      .get(`/v1/organizations/${actor.organizationId}/users`)
      .expect(200);
    return (users.body.items as { id: string; oidcSubject: string | null }[]).find(
      (user) => user.id === actor.id,
    )!.oidcSubject;
  }

  it('offers both organizations, and signs in to each chosen in turn, linking neither', async () => {
    for (const account of [atGlobex, atInitech]) {
      await context.clearCookies();
      await toTheChooser();
      expect(await page.textContent(`#choose-${atGlobex.id}`)).toBe(globex.name);
      expect(await page.textContent(`#choose-${atInitech.id}`)).toBe(initech.name);
      const cookies = await engineCookies();
      expect(cookies.raci_choice).toBeTruthy();
      expect(cookies.raci_session).toBeUndefined();

      await Promise.all([page.waitForURL(`${base}/v1/me`), page.click(`#choose-${account.id}`)]);
      expect(JSON.parse((await page.textContent('body'))!)).toMatchObject({
        id: account.id,
        email: SHARED.email,
        organization: { id: account.organizationId },
        authentication: { method: 'oidc' },
      });
      expect((await engineCookies()).raci_choice).toBeUndefined();
    }
    expect(await subjectOf(atGlobex)).toBeNull();
    expect(await subjectOf(atInitech)).toBeNull();
  });

  it('refuses a replayed or forged choice', async () => {
    await toTheChooser();
    const choice = `raci_choice=${(await engineCookies()).raci_choice}`;
    await Promise.all([page.waitForURL(`${base}/v1/me`), page.click(`#choose-${atGlobex.id}`)]);

    const post = (userId: string, cookie: string) =>
      checkedByContract(
        t.http,
        request(t.http)
          .post(`/auth/choose/${userId}`)
          .set('Cookie', cookie)
          .set('Sec-Fetch-Site', 'same-origin'),
      );
    const setCookies = (res: request.Response) =>
      ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('; ');
    const replayed = await post(atInitech.id, choice);
    expect(replayed.status).toBe(410);
    expect(setCookies(replayed)).not.toContain('raci_session=');
    const forged = await post(atInitech.id, `${choice.slice(0, -3)}abc`);
    expect(forged.status).toBe(400);
    expect(setCookies(forged)).not.toContain('raci_session=');
  });

  it('offers no choice to an address with one account, and links it as ever', async () => {
    const single = await createUser(t, globex.id, [Role.Requester], SINGLE.email);
    await page.goto(`${base}/auth/login?returnTo=/v1/me`);
    await signInAtProvider(page, { email: SINGLE.email });
    await page.waitForURL(`${base}/v1/me`);
    expect(JSON.parse((await page.textContent('body'))!)).toMatchObject({
      id: single.id,
      organization: { id: globex.id },
    });
    expect((await engineCookies()).raci_choice).toBeUndefined();
    expect(await subjectOf(single)).toBe(SINGLE.sub);
  });
});
