import { ConsoleBed, overflowsSideways, PHONE, seriousViolations } from '../helpers/console-bed';
import { settle } from '../helpers/mailbox';
import { submitRequest, walk } from '../factories/request.factory';

const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};
/**
 * Shorter than the inbox's own refresh (every 30 s): what arrives or leaves within it came by the
 * live stream.
 */
const LIVE_MS = 20_000;

describe('the live inbox, in a real browser', () => {
  jest.setTimeout(150_000);
  const bed = new ConsoleBed();

  beforeAll(() => bed.start());
  afterAll(() => bed.stop());

  it('shows a request submitted elsewhere, and lets it go once cancelled, without a reload', async () => {
    const tab = await bed.open();
    const { context, page, refusals } = tab;
    const stream = page.waitForResponse((res) => res.url().endsWith('/v1/inbox/events'));
    await bed.signIn(page, bed.cast.provider.approver, '/');
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    expect((await stream).status()).toBe(200);
    // Anything that reloads the page forgets this.
    await page.evaluate(() => {
      (globalThis as Record<string, unknown>).liveInboxMark = 'same page';
    });

    const request = await submitRequest(bed.cast.onRequest.requester, REPLICA.action, {
      instance: 'db-live-1',
    });
    const entry = page
      .getByRole('region', { name: /To approve/ })
      .locator(`a[href="/requests/${request.id}"]`);
    await entry.waitFor({ timeout: LIVE_MS });
    expect(await seriousViolations(page)).toEqual([]);

    await walk(request, 'cancel');
    await entry.waitFor({ state: 'detached', timeout: LIVE_MS });
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).liveInboxMark)).toBe(
      'same page',
    );
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('fits a phone held upright, and still updates there', async () => {
    const request = await submitRequest(bed.cast.onRequest.requester, REPLICA.action, {
      instance: 'db-live-phone',
    });
    await settle(bed.t);
    const { context, page, refusals } = await bed.openAs(bed.cast.provider.approver, '/', {
      viewport: PHONE,
    });
    const entry = page.locator(`a[href="/requests/${request.id}"]`);
    await entry.waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await walk(request, 'reject');
    await entry.waitFor({ state: 'detached', timeout: LIVE_MS });
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });
});
