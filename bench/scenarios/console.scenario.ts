import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { loadCatalog } from '@app/catalog';
import { launchBrowser } from '../../test/helpers/browser';
import { signIn } from '../../test/helpers/sign-in';
import { signInLinkFromDatabase } from '../../test/helpers/sign-in-link-of';
import { percentiles, round } from '../lib/percentiles';
import { CONSOLE_INBOX_CEILING_MS } from '../targets';
import { median } from './scale/latency-probe';
import { ConsolePreload } from './console/console-preload';
import { InboxLoad, loadInbox, signedInContext } from './console/inbox-page-load';
import { ScaleDeployment } from './scale/scale-deployment';

export interface ConsoleResult {
  requests: number;
  /** How many requests wait on the measured approver, by reason (the inbox shows 200 at most). */
  waiting: Record<string, number>;
  items_rendered: number;
  loads: { cold: number; warm: number };
  inbox_ms_median: number;
  inbox_ms_p95: number;
  cold_ms_median: number;
  warm_ms_median: number;
  dom_content_loaded_ms_median: number;
  browser_inbox_request_ms_median: number;
  server_inbox_ms_median: number;
  server_inbox_ms_p95: number;
  preload_s: number;
  note?: string;
}

const TENANTS = 40;
/** What the console asks for (`GET /v1/inbox?limit=200`). */
const INBOX_PATH = '/v1/inbox?limit=200';

const PLANS = {
  full: { requests: 1_000_000, rounds: 5, warmPerRound: 3, serverCalls: 30 },
  quick: { requests: 100_000, rounds: 2, warmPerRound: 2, serverCalls: 10 },
};

/**
 * How long the console's inbox takes to show in Chromium. A database of its own is preloaded by
 * bulk SQL with a year of requests (a million; 100,000 with `--quick`), the built engine serves
 * the console on it, and the provider's approver signs in by emailed link for a session. Each
 * round opens `/` in a fresh browser context (cold: nothing cached), then again in the same one
 * (warm: the assets cached); each load is timed from navigation start until the inbox's items are
 * in the document. `GET /v1/inbox` is also timed alone, with the session cookie.
 */
export async function runConsoleScenario(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<ConsoleResult> {
  const { quick, log } = options;
  const plan = quick ? PLANS.quick : PLANS.full;
  const catalog = loadCatalog(join(__dirname, '..', '..', 'config', 'raci'));
  const deployment = new ScaleDeployment(
    'console',
    plan.requests,
    (db, c, cast) => new ConsolePreload(db, c, cast),
  );
  let browser: Browser | undefined;
  try {
    const preloadS = await deployment.start(catalog, TENANTS);
    log(`console: ${plan.requests} requests preloaded in ${preloadS.toFixed(1)} s`);
    const approver = deployment.cast.providerApprover;
    const signInLink = signInLinkFromDatabase(
      (sql, params) => deployment.query<{ id: string }>(sql, params),
      deployment.linkSecret,
    );
    const { cookie } = await signIn({ http: deployment.url, signInLink }, approver.email);
    const waiting = await countWaiting(deployment.url, cookie);
    log(`console: the approver's inbox holds ${JSON.stringify(waiting)}`);
    browser = await launchBrowser();
    const loads = await loadRounds(browser, deployment.url, cookie, plan, log);
    const server = await timeInboxCalls(deployment.url, cookie, plan.serverCalls);
    return summarize(plan.requests, waiting, loads, server, preloadS, quick);
  } finally {
    await browser?.close();
    await deployment.stop();
  }
}

async function loadRounds(
  browser: Browser,
  origin: string,
  cookie: string,
  plan: (typeof PLANS)['full'],
  log: (line: string) => void,
): Promise<InboxLoad[]> {
  const loads: InboxLoad[] = [];
  for (let round = 1; round <= plan.rounds; round++) {
    const context = await signedInContext(browser, origin, cookie);
    try {
      for (let load = 0; load <= plan.warmPerRound; load++) {
        loads.push(await loadInbox(context, origin, load === 0));
      }
    } finally {
      await context.close();
    }
    const these = loads.slice(-(plan.warmPerRound + 1));
    log(
      `console round ${round}: cold ${ms(these[0].rendered_ms)} ms, warm ` +
        `${these
          .slice(1)
          .map((l) => ms(l.rendered_ms))
          .join(', ')} ms, ${these[0].items} items`,
    );
    if (these.some((l) => l.items === 0)) throw new Error('the inbox rendered no item');
  }
  return loads;
}

/** Milliseconds of each `GET /v1/inbox` the console makes, after two unmeasured ones. */
async function timeInboxCalls(origin: string, cookie: string, calls: number): Promise<number[]> {
  const times: number[] = [];
  for (let call = -2; call < calls; call++) {
    const startedAt = performance.now();
    const response = await fetch(`${origin}${INBOX_PATH}`, { headers: { Cookie: cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${INBOX_PATH}: ${response.status}`);
    if (call >= 0) times.push(performance.now() - startedAt);
  }
  return times;
}

/** Every request waiting on the session's person, by reason, page after page. */
async function countWaiting(origin: string, cookie: string): Promise<Record<string, number>> {
  const waiting: Record<string, number> = {};
  let path: string | null = INBOX_PATH;
  while (path) {
    const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    const page = (await response.json()) as {
      items: { reason: string }[];
      nextCursor: string | null;
    };
    for (const { reason } of page.items) waiting[reason] = (waiting[reason] ?? 0) + 1;
    path = page.nextCursor ? `${INBOX_PATH}&cursor=${encodeURIComponent(page.nextCursor)}` : null;
  }
  return waiting;
}

function summarize(
  requests: number,
  waiting: Record<string, number>,
  loads: InboxLoad[],
  server: number[],
  preloadS: number,
  quick: boolean,
): ConsoleResult {
  const rendered = loads.map((l) => l.rendered_ms);
  const p95 = (values: number[]) => percentile(values, 0.95);
  const serverP = percentiles(server);
  return {
    requests,
    waiting,
    items_rendered: loads[0].items,
    loads: { cold: loads.filter((l) => l.cold).length, warm: loads.filter((l) => !l.cold).length },
    inbox_ms_median: ms(median(rendered)),
    inbox_ms_p95: ms(p95(rendered)),
    cold_ms_median: ms(median(loads.filter((l) => l.cold).map((l) => l.rendered_ms))),
    warm_ms_median: ms(median(loads.filter((l) => !l.cold).map((l) => l.rendered_ms))),
    dom_content_loaded_ms_median: ms(median(loads.map((l) => l.dom_content_loaded_ms))),
    browser_inbox_request_ms_median: ms(median(loads.map((l) => l.inbox_request_ms))),
    server_inbox_ms_median: serverP.p50,
    server_inbox_ms_p95: ms(p95(server)),
    preload_s: round(preloadS, 1),
    ...(quick && {
      note: `quick run: ${requests} requests, not the 1,000,000 the ${CONSOLE_INBOX_CEILING_MS} ms promise is about`,
    }),
  };
}

/** Nearest-rank percentile. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function ms(value: number): number {
  return round(value, 1);
}
