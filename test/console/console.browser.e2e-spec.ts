import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { QueueName } from '@app/core';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { launchBrowser } from '../helpers/browser';
import { createTestApp, TestApp } from '../helpers/create-app';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { freePort } from '../helpers/throwaway-redis';
import { waitFor } from '../helpers/wait-for';
import { waitForJobs } from '../helpers/wait-for-jobs';

const BUILD = join(__dirname, '../../dist/console/index.html');
const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};
/** Generous: Chromium and the engine share two loaded cores with other work. */
const UI_TIMEOUT = 30_000;

describe('the web console, in a real browser', () => {
  jest.setTimeout(120_000);
  let smtp: SmtpListener;
  let t: TestApp;
  let cast: Cast;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(BUILD))
      throw new Error(`No console build at ${BUILD}: run npm run build first`);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    smtp = await new SmtpListener().start();
    t = await createTestApp({
      withWorker: true,
      env: { SMTP_URL: smtp.url, RELAY_POLL_MS: '50', PUBLIC_URL: origin },
    });
    await t.app.listen(port, '127.0.0.1');
    cast = await createCast(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  /** A browser of its own, in English, that records every Content-Security-Policy refusal. */
  async function openBrowser(): Promise<{
    context: BrowserContext;
    page: Page;
    refusals: string[];
  }> {
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) {
        refusals.push(`${page.url()}, ${message.location().url}: ${message.text()}`);
      }
    });
    return { context, page, refusals };
  }

  /** Signs in from the console's sign-in page by the link emailed to `actor`, back to `path`. */
  async function signIn(page: Page, actor: Actor, path: string): Promise<void> {
    await page.goto(`${origin}${path}`);
    await page.waitForURL(`${origin}/sign-in?returnTo=${encodeURIComponent(path)}`);
    await page.getByLabel('Email').fill(actor.email);
    const before = smtp.messages.length;
    await page.getByRole('button', { name: 'Send sign-in link' }).click();
    await page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' }).waitFor();
    await waitForJobs(t.queue(QueueName.SignIn));
    const mail = await waitFor(
      () =>
        smtp.messages
          .slice(before)
          .find((m) => m.to.includes(actor.email) && /^Sign in: /m.test(m.text)),
      `the sign-in mail to ${actor.email}`,
    );
    const link = /^Sign in: (\S+)$/m.exec(mail.text)![1];
    await page.goto(link);
    await Promise.all([page.waitForURL(`${origin}${path}`), page.click('#sign-in')]);
  }

  /** Serious and critical accessibility violations of the page as it is now. */
  async function seriousViolations(page: Page): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('serves the console to browsers under a strict policy, and the links document to JSON clients', async () => {
    const page = await fetch(`${origin}/requests/anything`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root"></div>');
    const links = await fetch(`${origin}/`, { headers: { accept: 'application/json' } });
    expect(await links.json()).toMatchObject({ name: 'raci-engine', signIn: { sso: null } });
  });

  it('takes the approver from the emailed sign-in link to the inbox, the request, and an approval with a comment', async () => {
    const { id } = await submitRequest(cast.onRequest.requester, REPLICA.action, {
      instance: 'db-console-1',
    });
    await settle(t);
    const { context, page, refusals } = await openBrowser();
    await signIn(page, cast.provider.approver, '/');

    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    const approvals = page.getByRole('region', { name: /To approve/ });
    const entry = approvals.getByRole('link', { name: REPLICA.title }).first();
    await entry.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${origin}/requests/${id}`);
    await page.getByRole('heading', { level: 1, name: REPLICA.title }).waitFor();
    await page.getByRole('row', { name: /Instance\s*db-console-1/ }).waitFor();
    await page.getByRole('row', { name: /Accountable \(A\)\s*provider/ }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve' });
    await dialog.getByLabel('Comment').fill('Fine for the next window');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: Approve.' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('You: Approved').waitFor();
    await timeline.getByText('as A, signed in by emailed link').waitFor();
    await timeline.getByText('Fine for the next window').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const history = (await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`)).body;
    expect(history.items.at(-1)).toMatchObject({
      event: 'request.approved',
      actorId: cast.provider.approver.id,
      letter: 'A',
      comment: 'Fine for the next window',
      authentication: { method: 'email_link' },
    });
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('offers a wrong-party user no Approve button, and the engine refuses their crafted approval', async () => {
    const { id } = await submitRequest(cast.onRequest.requester, REPLICA.action, {
      instance: 'db-console-2',
    });
    const { context, page, refusals } = await openBrowser();
    await signIn(page, cast.onRequest.approver, `/requests/${id}`);

    await page.getByRole('heading', { level: 1, name: REPLICA.title }).waitFor();
    const actions = page.getByRole('region', { name: 'Actions' });
    // Loaded: the verbs the engine offers, or the words that say there are none.
    await actions
      .getByRole('button')
      .or(actions.getByText('Nothing for you to do on this request.'))
      .first()
      .waitFor();
    expect(await actions.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: 'Reject' }).count()).toBe(0);

    const crafted = await page.evaluate(async (requestId) => {
      const me = (await (await fetch('/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(`/v1/requests/${requestId}/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ comment: 'Crafted' }),
      });
      return { status: res.status, body: (await res.json()) as { code: string } };
    }, id);
    expect(crafted).toMatchObject({
      status: 403,
      body: { code: 'RACI_NOT_ACCOUNTABLE_APPROVER' },
    });
    expect((await api(t, cast.provider.admin).get(`/v1/requests/${id}`)).body.state).toBe(
      'pending_approval',
    );
    expect(refusals).toEqual([]);
    await context.close();
  });
});
