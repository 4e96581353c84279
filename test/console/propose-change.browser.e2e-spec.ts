import { DataSource } from 'typeorm';
import { api } from '../helpers/api.client';
import { ConsoleBed, overflowsSideways, PHONE, seriousViolations } from '../helpers/console-bed';

const CREATE_BUCKET = 'key: object-storage.create-bucket';

/**
 * "Propose a change" on the matrix page: a provider requester edits one product's file, sees its
 * problems by line and then what it changes as they type, and submits it as a request.
 */
describe('proposing a change of the matrix, in a real browser', () => {
  jest.setTimeout(150_000);
  const bed = new ConsoleBed();
  let storage: string;
  const versions = async () =>
    Number(
      (await bed.t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM catalog_versions'))[0].n,
    );

  beforeAll(async () => {
    await bed.start();
    const v1 = await api(bed.t, bed.cast.provider.admin).get('/v1/catalog/versions/1').expect(200);
    storage = (v1.body.files as Record<string, string>)['object-storage'];
  });
  afterAll(() => bed.stop());

  const edited = (cell: string) => {
    const at = storage.indexOf(CREATE_BUCKET);
    return storage.slice(0, at) + storage.slice(at).replace('provider: "I"', `provider: "${cell}"`);
  };

  it('checks the file as one types, by line, and submits it as a request', async () => {
    const { context, page, refusals } = await bed.openAs(bed.cast.provider.requester, '/matrix');
    await page.getByRole('button', { name: 'Propose a change' }).click();
    const editor = page.getByRole('region', { name: 'Propose a change' });
    await editor.getByLabel('Product file').selectOption('object-storage');
    const yaml = editor.getByLabel('YAML');
    await yaml.fill(edited('Q'));
    const line = edited('Q').slice(0, edited('Q').indexOf('provider: "Q"')).split('\n').length;
    await editor.getByRole('status').getByText(`Line ${line}:`, { exact: false }).waitFor();

    await yaml.fill(edited('C'));
    await editor
      .getByRole('list', { name: 'What the change does' })
      .getByText('Create Bucket: provider I → C')
      .waitFor();
    expect(await versions()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await overflowsSideways(page)).toBe(false);

    await editor.getByLabel('Reason').fill('The provider checks bucket names');
    await editor.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'RACI matrix', exact: false }).first().waitFor();
    // Two of the provider's approvers decide it: none has yet.
    await page
      .getByRole('region', { name: 'RACI' })
      .getByRole('row', { name: /Approvals/ })
      .getByText('0 of the 2 needed')
      .waitFor();
    expect(await versions()).toBe(2);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('offers no editor to a customer, and the check refuses them', async () => {
    const { context, page } = await bed.openAs(bed.cast.onRequest.requester, '/matrix');
    await page.getByRole('heading', { name: 'Matrix' }).waitFor();
    await page.getByRole('region', { name: 'History' }).waitFor();
    expect(await page.getByRole('button', { name: 'Propose a change' }).count()).toBe(0);
    await context.close();
    const refused = await api(bed.t, bed.cast.onRequest.requester)
      .post('/v1/catalog/changes/check', { product: 'object-storage', yaml: storage })
      .expect(403);
    expect(refused.body.code).toBe('CATALOG_CHANGE_PROVIDER_ONLY');
  });
});
