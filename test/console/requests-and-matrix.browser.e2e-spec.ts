import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ConsoleBed, overflowsSideways, PHONE, seriousViolations } from '../helpers/console-bed';
import { submitRequest } from '../factories/request.factory';

const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};

/** Clicks the button that saves a file, and answers the file's text. */
async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('the requests list and the matrix, in a real browser', () => {
  jest.setTimeout(240_000);
  const bed = new ConsoleBed();
  let mine: string;

  beforeAll(async () => {
    await bed.start();
    const { onRequest, selfService } = bed.cast;
    // 52 by the approver, one by the requester: more than a page of 50.
    for (let batch = 0; batch < 52; batch += 13) {
      await Promise.all(
        Array.from({ length: 13 }, (_, n) =>
          submitRequest(onRequest.approver, REPLICA.action, { instance: `db-list-${batch + n}` }),
        ),
      );
    }
    mine = (await submitRequest(onRequest.requester, REPLICA.action, { instance: 'db-mine' })).id;
    await submitRequest(selfService.requester, 'object-storage.create-bucket', {
      bucketName: 'elsewhere',
    });
  });
  afterAll(() => bed.stop());

  it('filters the list in the address, pages it, downloads it as CSV and opens a request', async () => {
    const { requester } = bed.cast.onRequest;
    const { context, page, refusals } = await bed.openAs(requester, '/requests?product=mariadb');
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'requests shown' });
    await status.filter({ hasText: '50 requests shown. More follow.' }).waitFor();
    expect(await page.getByLabel('Product').inputValue()).toBe('mariadb');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Load more' }).click();
    await status.filter({ hasText: /^53 requests shown\.$/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const table = page.getByRole('region', { name: 'Requests' });
    expect(await table.getByRole('link', { name: REPLICA.title }).count()).toBe(53);

    await page.getByLabel('Submitted by').selectOption({ label: 'Me' });
    await status.filter({ hasText: /^1 requests shown\.$/ }).waitFor();
    await page.getByLabel('State').selectOption({ label: 'Waiting for approval' });
    await page.waitForURL(/state=pending_approval/);
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({
      state: 'pending_approval',
      product: 'mariadb',
      submittedBy: requester.id,
    });
    await page.reload();
    await status.filter({ hasText: /^1 requests shown\.$/ }).waitFor();
    expect(await page.getByLabel('State').inputValue()).toBe('pending_approval');

    const csv = await downloaded(page, 'Download CSV');
    expect(csv.name).toBe('requests.csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,action,title,product,organizationId,state,submittedById,submittedByEmail,submittedByName,dueAt,createdAt,updatedAt',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1].startsWith(`${mine},${REPLICA.action},${REPLICA.title},mariadb,`)).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Downloaded requests.csv.' }).waitFor();

    await page.getByLabel('State').selectOption({ label: 'Completed' });
    await page.getByText('No request matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(`${bed.origin}/requests`);
    await status.filter({ hasText: '50 requests shown. More follow.' }).waitFor();

    await page.getByLabel('Submitted by').selectOption({ label: 'Me' });
    await status.filter({ hasText: /^1 requests shown\.$/ }).waitFor();
    await table.getByRole('link', { name: REPLICA.title }).click();
    await page.waitForURL(`${bed.origin}/requests/${mine}`);
    await page.getByRole('heading', { level: 1, name: REPLICA.title }).waitFor();
    await page.getByRole('row', { name: /Instance\s*db-mine/ }).waitFor();
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('shows the matrix filtered by product and plan, searched, its seed readings marked, and its CSV', async () => {
    const { context, page, refusals } = await bed.openAs(bed.cast.onRequest.requester, '/matrix');
    await page.getByRole('heading', { level: 1, name: 'Matrix', exact: true }).waitFor();
    const count = page.getByRole('status').filter({ hasText: /actions\.$/ });
    await count.filter({ hasText: /^(\d+) of \1 actions\.$/ }).waitFor();
    const table = page.getByRole('region', { name: 'Matrix', exact: true });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Product', 'Action', 'Plan', 'Provider', 'Customer']);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Product').selectOption({ label: 'Object Storage' });
    await page.waitForURL(/product=object-storage/);
    // Every row drawn is of the product, and there are several.
    await table.locator('tbody tr:not([data-product="object-storage"])').first().waitFor({
      state: 'detached',
    });
    expect(await table.locator('tbody tr[data-product="object-storage"]').count()).toBeGreaterThan(
      2,
    );
    await page.getByLabel('Plan').selectOption({ label: 'Self-service' });
    await count.filter({ hasText: new RegExp(`^\\d+ of \\d+ actions\\.$`) }).waitFor();
    await table.getByRole('row', { name: /Create Bucket/ }).waitFor();
    const search = page.getByLabel('Search');
    await search.focus();
    await page.keyboard.type('create-bucket');
    await count.filter({ hasText: /^1 of \d+ actions\.$/ }).waitFor();
    const bucket = table.getByRole('row', { name: /Create Bucket/ });
    expect(await bucket.getByRole('cell').allTextContents()).toEqual([
      'Object Storage',
      expect.stringContaining('object-storage.create-bucket'),
      'Self-service',
      'I',
      'R / A',
    ]);
    await page.waitForURL(/product=object-storage&plan=self-service&q=create-bucket/);

    await search.fill('');
    await page.getByLabel('Product').selectOption({ label: 'Vault' });
    await count.filter({ hasText: /^4 of \d+ actions\.$/ }).waitFor();
    await page.getByLabel('Plan').selectOption({ label: 'Any' });
    expect(await table.getByText('Seed reading').count()).toBe(4);
    const readings = page.getByRole('region', { name: 'Seed readings' });
    await readings.getByText("The seed fills one column only ('A / R')").first().waitFor();
    await readings
      .getByText(
        /As published: provider .+, customer .+\. Enforced: provider —, customer (?:R \/ A|A \/ R)\./,
      )
      .first()
      .waitFor();
    await table.getByRole('link', { name: 'Seed reading' }).first().click();
    await page.waitForURL(/#reading-vault\./);
    expect(await seriousViolations(page)).toEqual([]);

    const csv = await downloaded(page, 'Download CSV');
    expect(csv.name).toBe('raci-matrix.csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'product,key,title,plans,provider,customer,requestable,performer,comment,reading',
    );
    expect(lines.some((line) => line.startsWith('vault,vault.manage-secrets-paths,'))).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Downloaded raci-matrix.csv.' }).waitFor();
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('fits a phone held upright, and speaks French', async () => {
    const { context, page, refusals } = await bed.openAs(
      bed.cast.onRequest.requester,
      '/requests',
      {
        viewport: PHONE,
      },
    );
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await page.getByLabel('Language').selectOption({ label: 'Français' });
    await page.getByRole('heading', { level: 1, name: 'Demandes' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'demandes affichées' }).waitFor();
    await page.getByRole('button', { name: 'Télécharger le CSV' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Matrice' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matrice', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Fournisseur' }).waitFor();
    await page.getByText('Lecture du modèle').first().waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });
});
