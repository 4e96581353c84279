import { Page } from 'playwright-core';
import { api } from '../helpers/api.client';
import {
  ConsoleBed,
  ConsoleTab,
  overflowsSideways,
  PHONE,
  seriousViolations,
} from '../helpers/console-bed';
import { settle } from '../helpers/mailbox';
import { waitFor } from '../helpers/wait-for';
import { createCustomer } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { WebhookReceiver } from '../webhooks/webhook-receiver';

/** Each admin page: its path and its heading. */
const PAGES = [
  ['/admin/organizations', 'Organizations'],
  ['/admin/users', 'Users'],
  ['/admin/webhooks', 'Webhooks'],
  ['/admin/mail', 'Mail'],
  ['/admin/quota', 'Quota'],
  ['/admin/audit', 'Audit log'],
] as const;

/** The page's heading, then its list (or the words that say it is empty), loaded. */
async function loaded(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  await page
    .locator('.plain-list > li')
    .or(page.getByText(/^(No |Nothing )/))
    .first()
    .waitFor();
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('the console’s administration, in a real browser', () => {
  jest.setTimeout(180_000);
  const bed = new ConsoleBed();
  const receiver = new WebhookReceiver();
  const tabs: ConsoleTab[] = [];
  const tab = async (...args: Parameters<ConsoleBed['openAs']>) => {
    const opened = await bed.openAs(...args);
    tabs.push(opened);
    return opened;
  };

  beforeAll(async () => {
    await receiver.start();
    // The receiver listens on loopback, which only this lets webhooks reach.
    await bed.start({ WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  afterEach(async () => {
    for (const { context, refusals } of tabs.splice(0)) {
      await context.close();
      expect(refusals).toEqual([]);
    }
  });
  afterAll(async () => {
    await bed.stop();
    await receiver.stop();
  });

  it('lets a customer admin add a user with roles, edit and deactivate them, and shows it in the audit log', async () => {
    const admin = bed.cast.onRequest.admin;
    const { page } = await tab(admin, '/');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    await loaded(page, 'Users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const add = page.getByRole('dialog', { name: 'Add user' });
    const email = `ada-${unique()}@example.test`;
    await add.getByLabel('Name').fill('Ada Lovelace');
    await add.getByLabel('Email').fill(email);
    await add.getByLabel('Service account').check();
    await add.getByLabel('Approver').check();
    expect(await seriousViolations(page)).toEqual([]);
    await add.getByRole('button', { name: 'Save' }).click();
    await add
      .getByRole('alert')
      .filter({ hasText: 'A service account cannot decide: it cannot be approver or consultant.' })
      .waitFor();

    await add.getByLabel('Person').check();
    await add.getByLabel('Requester').check();
    await add.getByRole('button', { name: 'Save' }).click();
    await add.waitFor({ state: 'detached' });
    const status = page.getByRole('status').filter({ hasText: 'Ada Lovelace added.' });
    await status.waitFor();
    expect(await status.locator('code').textContent()).toMatch(/^raci_\S+$/);

    await page.getByRole('button', { name: 'Edit Ada Lovelace' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Ada Lovelace' });
    await edit.getByLabel('Name').fill('Ada King');
    await edit.getByLabel('Approver').uncheck();
    await edit.getByLabel('Operator').check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Ada King saved.' }).waitFor();

    await page.getByRole('button', { name: 'Deactivate Ada King' }).click();
    await page
      .getByRole('dialog', { name: 'Deactivate Ada King' })
      .getByRole('button', { name: 'Confirm' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Ada King deactivated.' }).waitFor();
    await page.getByRole('button', { name: 'Reactivate Ada King' }).waitFor();

    const users = await api(bed.t, admin).get(
      `/v1/organizations/${bed.cast.onRequest.organizationId}/users?limit=200`,
    );
    const ada = users.body.items.find((u: { email: string }) => u.email === email);
    expect(ada).toMatchObject({ name: 'Ada King', kind: 'person', active: false });
    expect([...ada.roles].sort()).toEqual(['operator', 'requester']);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await loaded(page, 'Audit log');
    // The log names the user by their name now.
    const entries = page.locator('.plain-list > li').filter({ hasText: 'user Ada King' });
    await entries.filter({ hasText: 'User created' }).filter({ hasText: email }).waitFor();
    await entries.filter({ hasText: 'name: Ada Lovelace → Ada King' }).waitFor();
    await entries.filter({ hasText: 'active: true → false' }).waitFor();
    await page.getByRole('button', { name: 'Verify' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^The log is intact: \d+ entries/ })
      .waitFor();
  });

  it('lets a provider admin change a customer’s plan, which the customer’s audit log shows', async () => {
    // A customer of its own: the cast's customers keep their plans for the other tests.
    const { id: organizationId, name } = await createCustomer(bed.t, {
      plan: 'on-request',
      onDemand: false,
    });
    const { page } = await tab(bed.cast.provider.admin, '/admin/organizations');
    await loaded(page, 'Organizations');
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await dialog.getByLabel('Plan').selectOption('self-service');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} saved.` })
      .waitFor();
    const after = await api(bed.t, bed.t.adminToken).get(`/v1/organizations/${organizationId}`);
    expect(after.body.subscription).toEqual({ plan: 'self-service', onDemand: false });

    await page.goto(`${bed.origin}/admin/audit?org=${organizationId}`);
    await loaded(page, 'Audit log');
    await page
      .locator('.plain-list > li')
      .filter({ hasText: 'Organization changed' })
      .filter({ hasText: 'self-service' })
      .first()
      .waitFor();
  });

  it('registers a webhook and shows its deliveries', async () => {
    const customer = bed.cast.selfService;
    const url = `${receiver.url}/hooks-${unique()}`;
    const { page } = await tab(customer.admin, '/admin/webhooks');
    await loaded(page, 'Webhooks');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    await dialog.getByLabel('URL').fill(url);
    await dialog.getByLabel('request.submitted').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const status = page.getByRole('status').filter({ hasText: `Webhook ${url} added.` });
    await status.waitFor();
    expect(await status.locator('code').textContent()).toMatch(/^\S{16,}$/);

    const { id: requestId } = await submitRequest(
      customer.approver,
      'object-storage.create-bucket',
      { bucketName: `hooks-${unique()}` },
    );
    const [webhook] = (await api(bed.t, customer.admin).get('/v1/webhooks')).body.items.filter(
      (w: { url: string }) => w.url === url,
    );
    await waitFor(
      async () => {
        const res = await api(bed.t, customer.admin).get(`/v1/webhooks/${webhook.id}/deliveries`);
        const items: { requestId: string; status: string }[] = res.body.items;
        return items.some((d) => d.requestId === requestId && d.status === 'delivered');
      },
      'the delivery of request.submitted',
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await page.getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = page.getByRole('region', { name: `Deliveries to ${url}` });
    await deliveries.getByText(/request\.submitted · Delivered · attempts: 1 · HTTP 200/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a provider admin send a dead letter again', async () => {
    const { page } = await tab(bed.cast.provider.admin, '/admin/mail');
    await loaded(page, 'Mail');
    bed.smtp.refuseWith = 550;
    let id: string;
    try {
      ({ id } = await submitRequest(bed.cast.onRequest.requester, 'mariadb.add-read-only-replica', {
        instance: `db-mail-${unique()}`,
      }));
      await settle(bed.t);
    } finally {
      bed.smtp.refuseWith = undefined;
    }
    const failed = await api(bed.t, bed.cast.provider.admin).get('/v1/notifications?status=failed');
    const letter = failed.body.items.find((d: { requestId: string }) => d.requestId === id);
    expect(letter).toBeDefined();

    await page.reload();
    const retry = page.getByRole('button', {
      name: `Retry “${letter.subject}” to ${letter.recipient}`,
    });
    await retry.first().click();
    await page.getByRole('status').filter({ hasText: 'queued again.' }).waitFor();
    await waitFor(
      () => bed.smtp.messages.find((m) => m.messageId === letter.messageId),
      'the message sent again',
      { timeoutMs: 30_000 },
    );
  });

  it('shows a non-admin no Administration link, and /admin/users says they may not be there', async () => {
    const requester = bed.cast.onRequest.requester;
    const { page } = await tab(requester, '/');
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto(`${bed.origin}/admin/users`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'You are not allowed here: the administration is for the admins' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);
    const refused = await page.evaluate(async (orgId) => {
      const res = await fetch(`/v1/organizations/${orgId}/users`);
      return { status: res.status, code: ((await res.json()) as { code: string }).code };
    }, bed.cast.onRequest.organizationId);
    expect(refused).toEqual({ status: 403, code: 'ADMIN_REQUIRED' });
  });

  it('passes an accessibility scan on every admin page and fits a phone held upright', async () => {
    const { page } = await tab(bed.cast.provider.admin, '/admin/organizations', {
      viewport: PHONE,
    });
    for (const [path, heading] of PAGES) {
      await page.goto(`${bed.origin}${path}`);
      await loaded(page, heading);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
      expect({ path, sideways: await overflowsSideways(page) }).toEqual({ path, sideways: false });
    }
  });

  it('speaks French to a person who chooses it', async () => {
    const { page } = await tab(bed.cast.selfService.admin, '/admin/users');
    await loaded(page, 'Users');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 2, name: 'Utilisateurs' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter un utilisateur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un utilisateur' });
    await dialog.getByLabel('Compte de service').check();
    await dialog.getByLabel('Consulté').waitFor();
    expect(await page.getByRole('link', { name: 'Journal d’audit' }).count()).toBe(1);
  });
});
