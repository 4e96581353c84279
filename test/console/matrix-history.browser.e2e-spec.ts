import { CatalogActivationService, CatalogVersionsService } from '@app/catalog';
import { api } from '../helpers/api.client';
import { ConsoleBed, overflowsSideways, PHONE, seriousViolations } from '../helpers/console-bed';

const CREATE_BUCKET = 'key: object-storage.create-bucket';

/** The matrix page names the version in force, and its history says what each version changed. */
describe('the matrix history, in a real browser', () => {
  jest.setTimeout(150_000);
  const bed = new ConsoleBed();

  beforeAll(async () => {
    await bed.start();
    // Version 2: the provider is Consulted on bucket creation instead of Informed.
    const v1 = (await api(bed.t, bed.cast.provider.admin).get('/v1/catalog/versions/1').expect(200))
      .body.files as Record<string, string>;
    const storage = v1['object-storage'];
    const at = storage.indexOf(CREATE_BUCKET);
    const changed =
      storage.slice(0, at) + storage.slice(at).replace('provider: "I"', 'provider: "C"');
    const draft = await bed.t.app
      .get(CatalogVersionsService)
      .propose(
        { ...v1, 'object-storage': changed },
        { reason: 'The provider checks bucket names', createdBy: bed.cast.provider.admin.id },
      );
    await bed.t.app.get(CatalogActivationService).activate(draft.version);
  });
  afterAll(() => bed.stop());

  it('shows the version in force and, on demand, what it changed, in English and French', async () => {
    const { context, page, refusals } = await bed.openAs(bed.cast.onRequest.requester, '/matrix');
    await page.getByText('Version 2 of the matrix is in force.').waitFor();
    const history = page.getByRole('region', { name: 'History' });
    const second = history.getByRole('listitem', { name: 'Version 2' });
    await second.getByText('In force', { exact: true }).waitFor();
    await second.getByText('The provider checks bucket names').waitFor();
    await history
      .getByRole('listitem', { name: 'Version 1' })
      .getByText('Superseded', { exact: true })
      .waitFor();
    await second.getByRole('button', { name: 'Show changes' }).click();
    await second
      .getByRole('list', { name: 'Changes from version 1 to version 2' })
      .getByText('Create Bucket: provider I → C')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByLabel('Language').selectOption({ label: 'Français' });
    await page.getByText('La version 2 de la matrice est en vigueur.').waitFor();
    await page
      .getByRole('listitem', { name: 'Version 2' })
      .getByText('Create Bucket : fournisseur I → C')
      .waitFor();
    expect(refusals).toEqual([]);
    await context.close();
  });
});
