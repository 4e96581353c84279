import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { QueueName } from '@app/core';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { launchBrowser } from './browser';
import { createTestApp, TestApp } from './create-app';
import { SmtpListener } from './smtp-listener';
import { freePort } from './throwaway-redis';
import { waitFor } from './wait-for';
import { waitForJobs } from './wait-for-jobs';

const BUILD = join(__dirname, '../../dist/console/index.html');
/** Generous: Chromium and the engine share two loaded cores with other work. */
export const UI_TIMEOUT = 30_000;
/** A phone held upright. */
export const PHONE = { width: 390, height: 844 };

export interface ConsoleTab {
  context: BrowserContext;
  page: Page;
  /** Every Content-Security-Policy refusal the page reported. */
  refusals: string[];
}

export interface TabOptions {
  locale?: string;
  viewport?: { width: number; height: number };
}

/**
 * The console's browser test bed: the engine with its worker on a port of its own, serving the
 * build, a real SMTP listener, the usual cast, and Debian's Chromium.
 */
export class ConsoleBed {
  smtp!: SmtpListener;
  t!: TestApp;
  cast!: Cast;
  browser!: Browser;
  origin!: string;

  async start(env: Record<string, string> = {}): Promise<this> {
    if (!existsSync(BUILD))
      throw new Error(`No console build at ${BUILD}: run npm run build first`);
    const port = await freePort();
    this.origin = `http://127.0.0.1:${port}`;
    this.smtp = await new SmtpListener().start();
    this.t = await createTestApp({
      withWorker: true,
      env: { SMTP_URL: this.smtp.url, RELAY_POLL_MS: '50', PUBLIC_URL: this.origin, ...env },
    });
    await this.t.app.listen(port, '127.0.0.1');
    this.cast = await createCast(this.t);
    this.browser = await launchBrowser();
    return this;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.t?.close();
    await this.smtp?.stop();
  }

  /** A browser of its own (English, desktop unless told) that records policy refusals. */
  async open({ locale = 'en-US', viewport }: TabOptions = {}): Promise<ConsoleTab> {
    const context = await this.browser.newContext({ locale, ...(viewport && { viewport }) });
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
  async signIn(page: Page, actor: Actor, path: string): Promise<void> {
    await page.goto(`${this.origin}${path}`);
    await page.waitForURL(`${this.origin}/sign-in?returnTo=${encodeURIComponent(path)}`);
    await page.getByLabel('Email').fill(actor.email);
    const before = this.smtp.messages.length;
    await page.getByRole('button', { name: 'Send sign-in link' }).click();
    await page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' }).waitFor();
    await waitForJobs(this.t.queue(QueueName.SignIn));
    const mail = await waitFor(
      () =>
        this.smtp.messages
          .slice(before)
          .find((m) => m.to.includes(actor.email) && /^Sign in: /m.test(m.text)),
      `the sign-in mail to ${actor.email}`,
    );
    const link = /^Sign in: (\S+)$/m.exec(mail.text)![1];
    await page.goto(link);
    await Promise.all([page.waitForURL(`${this.origin}${path}`), page.click('#sign-in')]);
  }

  /** A tab signed in as `actor`, on `path`. */
  async openAs(actor: Actor, path: string, options?: TabOptions): Promise<ConsoleTab> {
    const tab = await this.open(options);
    await this.signIn(tab.page, actor, path);
    return tab;
  }
}

/** Serious and critical accessibility violations of the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether the page scrolls sideways: at phone width, nothing should. */
export async function overflowsSideways(page: Page): Promise<boolean> {
  const overflow: unknown = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  return Number(overflow) > 1;
}
