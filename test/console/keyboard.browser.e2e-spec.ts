import { Page } from 'playwright-core';
import { QueueName } from '@app/core';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { ConsoleBed, seriousViolations } from '../helpers/console-bed';
import { settle } from '../helpers/mailbox';
import { waitFor } from '../helpers/wait-for';
import { waitForJobs } from '../helpers/wait-for-jobs';

const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};

/** What has the focus: its text or label, and whether a focus ring shows (outline or shadow). */
interface Focused {
  name: string;
  ring: boolean;
}

const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { name: '', ring: false };
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || '';
  return { name: (label || el.textContent || '').trim(), ring: Boolean(outline || shadow) };
})()`;

/**
 * Presses Tab until the focus is on what `name` matches, and checks the focus shows there. Fails
 * after `limit` presses: then the control cannot be reached by keyboard.
 */
async function tabTo(page: Page, name: RegExp, limit = 60): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<Focused>(FOCUSED);
    if (name.test(focused.name)) return focused;
  }
  throw new Error(`${String(name)} cannot be reached with Tab`);
}

describe('the web console, by keyboard alone', () => {
  jest.setTimeout(120_000);
  const bed = new ConsoleBed();
  beforeAll(() => bed.start());
  afterAll(() => bed.stop());

  it('signs in, opens the request from the inbox, and approves it without a mouse, the focus always shown', async () => {
    const { id } = await submitRequest(bed.cast.onRequest.requester, REPLICA.action, {
      instance: 'db-keyboard-1',
    });
    await settle(bed.t);
    const approver = bed.cast.provider.approver;
    const { context, page, refusals } = await bed.open();

    await page.goto(`${bed.origin}/sign-in`);
    await page.getByRole('button', { name: 'Send sign-in link' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await tabTo(page, /^Email/)).ring).toBe(true);
    await page.keyboard.type(approver.email);
    const before = bed.smtp.messages.length;
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' }).waitFor();
    await waitForJobs(bed.t.queue(QueueName.SignIn));
    const mail = await waitFor(
      () => bed.smtp.messages.slice(before).find((m) => m.to.includes(approver.email)),
      'the sign-in mail',
    );
    await page.goto(/^Sign in: (\S+)$/m.exec(mail.text)![1]);
    expect((await tabTo(page, /Sign in/)).ring).toBe(true);
    await Promise.all([page.waitForURL(`${bed.origin}/`), page.keyboard.press('Enter')]);

    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByRole('link', { name: REPLICA.title }).first().waitFor();
    const entry = await tabTo(page, new RegExp(REPLICA.title));
    expect(entry.ring).toBe(true);
    const href = await page.evaluate<string | null>('document.activeElement.getAttribute("href")');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${bed.origin}${href}`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.goto(`${bed.origin}/requests/${id}`);
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    expect((await tabTo(page, /^Approve$/)).ring).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Approve' });
    await dialog.waitFor();
    await tabTo(page, /^Comment/, 10);
    await page.keyboard.type('Approved by keyboard');
    expect((await tabTo(page, /^Confirm$/, 10)).ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Done: Approve.' }).waitFor();

    const { body } = await api(bed.t, bed.cast.provider.admin).get(`/v1/requests/${id}/history`);
    expect(body.items.at(-1)).toMatchObject({
      event: 'request.approved',
      actorId: approver.id,
      comment: 'Approved by keyboard',
    });
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('closes a dialog with Escape, changing nothing', async () => {
    const { id } = await submitRequest(bed.cast.onRequest.requester, REPLICA.action, {
      instance: 'db-keyboard-2',
    });
    const { context, page } = await bed.openAs(bed.cast.provider.approver, `/requests/${id}`);
    await page.getByRole('button', { name: 'Reject' }).waitFor();
    await tabTo(page, /^Reject$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reject' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const { body } = await api(bed.t, bed.cast.provider.admin).get(`/v1/requests/${id}`);
    expect(body.state).toBe('pending_approval');
    await context.close();
  });
});
