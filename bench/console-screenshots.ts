import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeSigningKey } from '@app/core';
import { launchBrowser } from '../test/helpers/browser';
import { EngineProcess } from '../test/helpers/engine-process';
import { deleteRedisKeys } from '../test/helpers/redis-keys';
import { createScratchDatabase, ScratchDatabase } from '../test/helpers/scratch-database';
import { waitFor } from '../test/helpers/wait-for';
import { REDIS_URL, waitForBuild } from './lib/bench-engine';
import { Person, Shot, ShotData, SHOTS } from './screenshots/console-shots';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TIMEOUT_MS = 30_000;
/** What the demo's customer requester submits, so that the provider's approver has work. */
const SUBMISSIONS = [
  { action: 'mariadb.add-read-only-replica', params: { instance: 'db-prod-01' } },
  { action: 'mariadb.add-read-only-replica', params: { instance: 'db-reporting-02' } },
  {
    action: 'bot-defense.request-blocked-request-details',
    params: { supportId: '1234-5678-90', loadBalancer: 'lb-front' },
  },
];

const log = (line: string) => console.log(`[screenshots] ${line}`);

/**
 * `npm run console:screenshots`: the built engine (API and worker in one process, mail written
 * to files) on a scratch database, with the demo's organizations and people (`npm run demo`) and
 * a few requests of Globex's requester. Each person signs in through the console's sign-in page
 * by the link mailed to them, and each page of SHOTS is saved as a PNG in docs/screenshots.
 */
async function main(): Promise<void> {
  await waitForBuild();
  const dir = mkdtempSync(join(tmpdir(), 'raci-screenshots-'));
  const prefix = `raci-screens-${randomBytes(4).toString('hex')}`;
  const adminToken = randomBytes(32).toString('base64url');
  let database: ScratchDatabase | undefined;
  let engine: EngineProcess | undefined;
  let browser: Browser | undefined;
  try {
    database = await createScratchDatabase('raci_screens');
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      ADMIN_TOKEN: adminToken,
      MAIL_DIR: join(dir, 'mail'),
      LINK_SECRET: randomBytes(32).toString('base64url'),
      SECRETS_KEY: randomBytes(32).toString('base64'),
      AUDIT_SIGNING_KEY: makeSigningKey(),
      AUDIT_KEY: randomBytes(32).toString('base64url'),
      RELAY_POLL_MS: '50',
      LOG_LEVEL: 'warn',
    };
    engine = await EngineProcess.start({ role: 'all', env });
    const tokens = await runDemo(engine.url, env);
    const data = await submitRequests(engine.url, tokens);
    browser = await launchBrowser();
    await takeShots(browser, new Mailbox(env.MAIL_DIR), engine.url, data);
  } finally {
    await browser?.close();
    await engine?.stop();
    await database?.drop();
    await deleteRedisKeys(prefix, REDIS_URL);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run demo` against the engine: its `export NAME=value` lines, as a map. */
async function runDemo(url: string, env: Record<string, string>): Promise<Map<string, string>> {
  const demo = join(ROOT, 'dist', 'apps', 'api', 'src', 'cli', 'demo.js');
  const { stdout } = await promisify(execFile)(process.execPath, [demo], {
    env: { ...process.env, RACI_URL: url, ADMIN_TOKEN: env.ADMIN_TOKEN, MAIL_DIR: env.MAIL_DIR },
  });
  const exports = [...stdout.matchAll(/^export (\w+)=(\S+)/gm)].map(([, name, value]) => [
    name,
    value,
  ]);
  log(`demo: ${exports.length} variables`);
  return new Map(exports as [string, string][]);
}

/** The requests Globex's requester submits; answers the first, once it waits on the provider. */
async function submitRequests(url: string, tokens: Map<string, string>): Promise<ShotData> {
  const ids: string[] = [];
  for (const body of SUBMISSIONS) {
    const response = await fetch(`${url}/v1/requests`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.get('CUSTOMER_REQUESTER_TOKEN')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) {
      throw new Error(`submitting ${body.action}: ${response.status} ${await response.text()}`);
    }
    ids.push(((await response.json()) as { id: string }).id);
  }
  const requestId = ids[0];
  await waitFor(async () => {
    const inbox = await fetch(`${url}/v1/inbox`, {
      headers: { authorization: `Bearer ${tokens.get('PROVIDER_APPROVER_TOKEN')}` },
    });
    const { items } = (await inbox.json()) as { items: { id: string }[] };
    return items.some((item) => item.id === requestId);
  }, 'the first request in the provider approver inbox');
  return { requestId };
}

/** The sign-in mails the engine writes as files: the newest link sent to an address. */
class Mailbox {
  constructor(private readonly dir: string) {}

  names(): Set<string> {
    return new Set(existsSync(this.dir) ? readdirSync(this.dir) : []);
  }

  async linkTo(email: string, before: Set<string>): Promise<string> {
    return waitFor(() => {
      for (const name of [...this.names()].filter((n) => !before.has(n) && n.includes(email))) {
        const text = readFileSync(join(this.dir, name), 'utf8').replace(/=\r?\n/g, '');
        const link = /\/auth\/email-link\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/.exec(text)?.[0];
        if (link) return link;
      }
      return undefined;
    }, `the sign-in mail to ${email}`);
  }
}

/** The demo's addresses, by person. */
const EMAILS: Record<Person, string> = {
  PROVIDER_APPROVER: 'grace@provider.example',
  PROVIDER_ADMIN: 'ken@provider.example',
  CUSTOMER_REQUESTER: 'ada@globex.example',
};

async function takeShots(
  browser: Browser,
  mailbox: Mailbox,
  origin: string,
  data: ShotData,
): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const sessions = new Map<Person, Awaited<ReturnType<BrowserContext['storageState']>>>();
  for (const shot of SHOTS) {
    if (shot.as && !sessions.has(shot.as)) {
      sessions.set(shot.as, await signIn(browser, mailbox, origin, EMAILS[shot.as]));
    }
    const storageState = shot.as ? sessions.get(shot.as) : undefined;
    for (const viewport of shot.phone ? [DESKTOP, PHONE] : [DESKTOP]) {
      const context = await browser.newContext({ locale: 'en-US', viewport, storageState });
      context.setDefaultTimeout(TIMEOUT_MS);
      try {
        const file = `${shot.file}${viewport === PHONE ? '-phone' : ''}.png`;
        const taken = await takeShot(await context.newPage(), origin, shot, data, file);
        log(
          taken
            ? `docs/screenshots/${file}`
            : `${shot.path(data)}: ${file} left out (no such page yet)`,
        );
      } finally {
        await context.close();
      }
    }
  }
}

/** Signs the person in through the console's sign-in page; answers the browser's session. */
async function signIn(browser: Browser, mailbox: Mailbox, origin: string, email: string) {
  const context = await browser.newContext({ locale: 'en-US', viewport: DESKTOP });
  context.setDefaultTimeout(TIMEOUT_MS);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email').fill(email);
    const before = mailbox.names();
    await page.getByRole('button', { name: 'Send sign-in link' }).click();
    await page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' }).waitFor();
    await page.goto(`${origin}${await mailbox.linkTo(email, before)}`);
    await Promise.all([page.waitForURL(`${origin}/`), page.click('#sign-in')]);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Opens the page and saves it, unless the console answers its 404 page there (or, on a path a
 * route with a parameter takes, an error instead of a page).
 */
async function takeShot(
  page: Page,
  origin: string,
  shot: Shot,
  data: ShotData,
  file: string,
): Promise<boolean> {
  await page.goto(`${origin}${shot.path(data)}`);
  await page.locator('h1, [role="alert"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const heading = page.getByRole('heading', { level: 1 }).first();
  if (!(await heading.isVisible()) || (await heading.textContent())?.trim() === '404') return false;
  await shot.then?.(page);
  await page.waitForFunction(() =>
    (globalThis as unknown as Animated).document
      .getAnimations()
      .every((animation) => animation.playState !== 'running'),
  );
  await page.screenshot({ path: join(OUT, file), fullPage: !shot.windowOnly });
  return true;
}

/** The little of the DOM the wait for animations reads (the bench has no DOM types). */
interface Animated {
  document: { getAnimations(): { playState: string }[] };
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
