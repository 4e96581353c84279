import type { Browser, BrowserContext } from 'playwright-core';

/** The inbox's items as the page renders them: list items under a section per reason. */
const ITEMS = 'section[aria-labelledby^="inbox-"] li';
const RENDERED = 'inbox-rendered';
/** Generous: the machine is shared, and a slow load must be measured, not cut short. */
const TIMEOUT_MS = 60_000;

/**
 * Marks the moment the first inbox items are in the document, as `performance.mark`, so the time
 * is read from the page's own clock (milliseconds since navigation start). Runs before the page's
 * scripts, from the browser's side: the page's Content-Security-Policy does not apply to it.
 */
const MARK_WHEN_RENDERED = `new MutationObserver(function (_, observer) {
  if (document.querySelector(${JSON.stringify(ITEMS)})) {
    performance.mark(${JSON.stringify(RENDERED)});
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;

/**
 * What the page's clock says of the load, read in the page (the bench is compiled without the
 * DOM's types, hence a string).
 */
const READ_TIMINGS = `(() => {
  const [navigation] = performance.getEntriesByType('navigation');
  const inbox = performance
    .getEntriesByType('resource')
    .find((entry) => new URL(entry.name).pathname === '/v1/inbox');
  return {
    rendered_ms: performance.getEntriesByName(${JSON.stringify(RENDERED)}, 'mark')[0].startTime,
    document_ms: navigation.responseEnd,
    dom_content_loaded_ms: navigation.domContentLoadedEventEnd,
    inbox_request_ms: inbox ? inbox.responseEnd - inbox.requestStart : -1,
    items: document.querySelectorAll(${JSON.stringify(ITEMS)}).length,
  };
})()`;

/** One load of `/`, in milliseconds since navigation start (the Navigation Timing origin). */
export interface InboxLoad {
  cold: boolean;
  /** Until the inbox's items are in the document. */
  rendered_ms: number;
  /** Until the HTML had arrived. */
  document_ms: number;
  /** Until the DOMContentLoaded handlers had run (the entry script is a module: after it ran). */
  dom_content_loaded_ms: number;
  /** The browser's `GET /v1/inbox`, from its request to the end of its answer. */
  inbox_request_ms: number;
  items: number;
}

/** A browser context that carries the person's session cookie, as after signing in. */
export async function signedInContext(
  browser: Browser,
  origin: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US' });
  context.setDefaultTimeout(TIMEOUT_MS);
  const [name, value] = [
    cookie.slice(0, cookie.indexOf('=')),
    cookie.slice(cookie.indexOf('=') + 1),
  ];
  await context.addCookies([{ name, value, url: origin, httpOnly: true, sameSite: 'Lax' }]);
  await context.addInitScript(MARK_WHEN_RENDERED);
  return context;
}

/** Opens `/` in a new tab of the context and times it until the inbox's items are rendered. */
export async function loadInbox(
  context: BrowserContext,
  origin: string,
  cold: boolean,
): Promise<InboxLoad> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      (name) => performance.getEntriesByName(name, 'mark').length > 0,
      RENDERED,
      { timeout: TIMEOUT_MS },
    );
    const load = await page.evaluate<Omit<InboxLoad, 'cold'>>(READ_TIMINGS);
    return { cold, ...load };
  } finally {
    await page.close();
  }
}
