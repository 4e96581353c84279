import { Page } from 'playwright-core';
import { api } from '../helpers/api.client';
import { ConsoleBed } from '../helpers/console-bed';

const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};

/** Opens the verb's dialog on the request page, fills its one field when given, and confirms. */
async function act(page: Page, verb: string, field?: [label: string, text: string]) {
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: verb }).click();
  const dialog = page.getByRole('dialog', { name: verb });
  if (field) await dialog.getByLabel(field[0]).fill(field[1]);
  return dialog;
}

async function confirm(page: Page, verb: string) {
  const dialog = page.getByRole('dialog', { name: verb });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Done: ${verb}.` })
    .waitFor();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * A request's whole life through the console, each person in a browser of their own: submitted
 * from the generated form, arriving live in the approver's open inbox, approved, started and
 * completed by the operator with a result and an internal note, and read by the customer who asked,
 * who sees the result and never the note.
 */
describe('a request from the form to its result, in the console', () => {
  jest.setTimeout(240_000);
  const bed = new ConsoleBed();
  beforeAll(() => bed.start());
  afterAll(() => bed.stop());

  it('goes from the requester to the approver, the operator and back, each seeing what is theirs', async () => {
    const { requester } = bed.cast.onRequest;
    const { approver, operator } = bed.cast.provider;
    const approverTab = await bed.openAs(approver, '/');
    await approverTab.page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    const requesterTab = await bed.openAs(requester, '/');
    await requesterTab.page.getByRole('button', { name: 'New request' }).click();
    const catalog = requesterTab.page.getByRole('region', { name: 'Catalog' });
    await catalog.getByLabel('Search by title or product').fill('read-only replica');
    await catalog.getByRole('button', { name: REPLICA.title }).click();

    const form = requesterTab.page.getByRole('region', { name: REPLICA.title });
    await form.getByLabel('Instance').fill('db-journey-1');
    await form.getByRole('button', { name: 'Submit' }).click();
    await requesterTab.page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const id = requesterTab.page.url().split('/').at(-1)!;
    const path = `/requests/${id}`;

    // Live: the approver's inbox, open all along, shows it without a reload.
    const entry = approverTab.page.locator(`a[href="${path}"]`);
    await entry.waitFor();
    await entry.click();
    await act(approverTab.page, 'Approve', ['Comment', 'Go ahead']);
    await confirm(approverTab.page, 'Approve');

    const { page } = await bed.openAs(operator, path);
    await act(page, 'Start');
    await confirm(page, 'Start');
    await act(page, 'Comment', ['Comment', 'Used the spare host in rack 4']);
    await page.getByRole('dialog', { name: 'Comment' }).getByLabel('Internal').check();
    await confirm(page, 'Comment');
    await act(page, 'Complete', ['Result', 'Replica db-journey-1-ro is up']);
    await confirm(page, 'Complete');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Used the spare host in rack 4').waitFor();

    await requesterTab.page.reload();
    const own = requesterTab.page;
    const story = own.getByRole('region', { name: 'Timeline' });
    await story.getByText('Result: Replica db-journey-1-ro is up').waitFor();
    await story.getByText('Go ahead').waitFor();
    expect(await story.getByText('Used the spare host in rack 4').count()).toBe(0);
    expect(await own.getByText('rack 4').count()).toBe(0);
    const actions = own.getByRole('region', { name: 'Actions' });
    for (const verb of ['Approve', 'Start', 'Complete']) {
      expect(await actions.getByRole('button', { name: verb }).count()).toBe(0);
    }

    const { body } = await api(bed.t, requester).get(`/v1/requests/${id}`);
    expect(body).toMatchObject({ state: 'completed', result: 'Replica db-journey-1-ro is up' });
    const comments = (await api(bed.t, operator).get(`/v1/requests/${id}/comments`)).body.items;
    expect(comments).toContainEqual(
      expect.objectContaining({ body: 'Used the spare host in rack 4', internal: true }),
    );
    for (const tab of [approverTab, requesterTab]) expect(tab.refusals).toEqual([]);
  });
});
