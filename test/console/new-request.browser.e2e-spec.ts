import { Role } from '@app/parties';
import { api } from '../helpers/api.client';
import {
  ConsoleBed,
  overflowsSideways,
  PHONE,
  seriousViolations,
  UI_TIMEOUT,
} from '../helpers/console-bed';
import { createCustomer, createUser } from '../factories/parties.factory';

const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};
const BACKUP = 'mariadb.backup-and-restoration';

describe('the new-request page, in a real browser', () => {
  jest.setTimeout(180_000);
  const bed = new ConsoleBed();
  let origin: string;

  beforeAll(async () => {
    await bed.start();
    origin = bed.origin;
  });
  afterAll(() => bed.stop());

  it('takes a customer requester from a catalog search to a checked form, the preview and the new request', async () => {
    const requester = bed.cast.onRequest.requester;
    const { context, page, refusals } = await bed.openAs(requester, '/');
    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByRole('heading', { level: 1, name: 'New request' }).waitFor();

    const catalog = page.getByRole('region', { name: 'Catalog' });
    await catalog.getByLabel('Search by title or product').fill('read-only replica');
    const choice = catalog.getByRole('button', { name: REPLICA.title });
    await choice.waitFor();
    // Only what the organization's plan allows: a self-service-only action is not offered.
    await catalog.getByLabel('Search by title or product').fill('create bucket');
    await catalog.getByText('No action matches this search.').waitFor();
    await catalog.getByLabel('Search by title or product').fill('read-only replica');
    await choice.focus();
    await page.keyboard.press('Enter');
    await catalog.getByRole('button', { name: REPLICA.title, pressed: true }).waitFor();
    await catalog
      .getByText(/a read only MariaDB replica can be configured/)
      .first()
      .waitFor();

    const form = page.getByRole('region', { name: REPLICA.title });
    const instance = form.getByLabel('Instance');
    await instance.fill('not a node name!');
    await form.getByRole('button', { name: 'Preview' }).click();
    const inline = form.getByText(/^Not in the expected form/);
    await inline.waitFor();
    expect(await page.getByRole('region', { name: 'Who would do what' }).count()).toBe(0);
    // Said under the field, and read with it: the field is described by its error list.
    await form
      .locator('#root_instance__error')
      .getByText(/^Not in the expected form/)
      .waitFor();
    expect(await instance.getAttribute('aria-describedby')).toContain('root_instance__error');
    expect(await seriousViolations(page)).toEqual([]);

    await instance.fill('db-new-1');
    await inline.waitFor({ state: 'detached' });
    await form.getByLabel('Comment (optional)').fill('Reporting replica');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Who would do what' });
    await preview.getByRole('row', { name: /Responsible \(R\)\s*provider/ }).waitFor();
    await preview.getByRole('row', { name: /Accountable \(A\)\s*provider/ }).waitFor();
    await preview.getByRole('row', { name: /Consulted \(C\)\s*—/ }).waitFor();
    await preview.getByRole('row', { name: /Informed \(I\)\s*customer/ }).waitFor();
    await preview.getByRole('row', { name: /Performs\s*provider/ }).waitFor();
    await preview.getByText('Nothing stands in the way: it can be submitted.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: REPLICA.title }).waitFor();
    const id = page.url().split('/').at(-1)!;
    const created = (await api(bed.t, requester).get(`/v1/requests/${id}`)).body;
    expect(created).toMatchObject({
      action: REPLICA.action,
      params: { instance: 'db-new-1' },
      organizationId: requester.organizationId,
      submittedBy: { id: requester.id },
    });
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('says who must give whom the approver role when nobody but the submitter could approve', async () => {
    const customer = await createCustomer(bed.t, { plan: 'on-request' });
    const lone = await createUser(bed.t, customer.id, [Role.Requester, Role.Approver]);
    const { context, page, refusals } = await bed.openAs(lone, `/requests/new?action=${BACKUP}`);
    const form = page.getByRole('region', { name: 'Backup and Restoration' });
    await form.getByLabel('Operation').selectOption('restore');
    await form.getByLabel('Resource').fill('db-1');
    // A restoration needs its restore point: the schema's if/then, shown like any other field.
    await form.getByLabel('Restore point').fill('2026-11-01T00:00');
    const fix =
      'Nobody but you could approve this request for the customer party ' +
      `(${customer.name}). To fix it, an administrator of ${customer.name} gives the role ` +
      'approver to another person; then submit again.';

    await form.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Who would do what' }).getByText(fix).waitFor();

    await form.getByRole('button', { name: 'Submit' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: fix });
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-error-code')).toBe('NO_ELIGIBLE_APPROVER');
    expect(page.url()).toBe(`${origin}/requests/new?action=${BACKUP}`);
    expect((await api(bed.t, lone).get('/v1/requests')).body.items).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('lets provider staff choose the customer organization the request is for', async () => {
    const requester = bed.cast.provider.requester;
    const customer = bed.cast.onRequest.organizationId;
    const { context, page, refusals } = await bed.openAs(
      requester,
      `/requests/new?action=${REPLICA.action}`,
    );
    await page.getByText('Choose the customer organization the request is for.').waitFor();
    expect(await page.getByLabel('Instance').count()).toBe(0);
    await page.getByLabel('For the customer organization').selectOption(customer);
    const form = page.getByRole('region', { name: REPLICA.title });
    await form.getByLabel('Instance').fill('db-for-customer');
    await form.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1)!;
    const created = (await api(bed.t, requester).get(`/v1/requests/${id}`)).body;
    expect(created).toMatchObject({
      organizationId: customer,
      params: { instance: 'db-for-customer' },
    });
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('fits a phone held upright, and speaks French to a French browser', async () => {
    const phone = await bed.openAs(
      bed.cast.onRequest.requester,
      `/requests/new?action=${REPLICA.action}`,
      {
        viewport: PHONE,
      },
    );
    await phone.page.getByLabel('Instance').waitFor();
    await phone.page.getByRole('button', { name: REPLICA.title }).waitFor();
    expect(await overflowsSideways(phone.page)).toBe(false);
    expect(phone.refusals).toEqual([]);

    // The same session in a French browser: the page, the labels and the errors in French.
    const french = await bed.browser.newContext({
      locale: 'fr-FR',
      storageState: await phone.context.storageState(),
    });
    french.setDefaultTimeout(UI_TIMEOUT);
    await phone.context.close();
    const page = await french.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
    await page.goto(`${origin}/requests/new?action=${REPLICA.action}`);
    await page.getByRole('heading', { level: 1, name: 'Nouvelle demande' }).waitFor();
    const form = page.getByRole('region', { name: 'Ajouter un réplica MariaDB en lecture seule' });
    await form.getByLabel('Nom du nœud MariaDB autonome à répliquer').waitFor();
    await form.getByRole('button', { name: 'Aperçu' }).click();
    await form.getByText('Obligatoire.').waitFor();
    expect(refusals).toEqual([]);
    await french.close();
  });
});
