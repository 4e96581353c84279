import { api } from '../helpers/api.client';
import {
  ConsoleBed,
  type ConsoleTab,
  overflowsSideways,
  PHONE,
  seriousViolations,
} from '../helpers/console-bed';

/** The status of `GET /v1/me` called from a tab, with its session cookie. */
const meStatus = (tab: ConsoleTab): Promise<number> =>
  tab.page.evaluate(async () => (await fetch('/v1/me')).status);

describe('the console’s settings and the admin tokens page, in a real browser', () => {
  jest.setTimeout(180_000);
  const bed = new ConsoleBed();

  beforeAll(() => bed.start());
  afterAll(() => bed.stop());

  it('stores a changed notification preference', async () => {
    const person = bed.cast.onRequest.requester;
    const { context, page, refusals } = await bed.openAs(person, '/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const daily = page.getByLabel('One daily digest');
    await daily.waitFor();
    expect(await page.getByLabel('Each event at once').isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await daily.check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Notification preferences saved.' }).waitFor();
    const stored = await api(bed.t, person).get('/v1/me/notification-preferences').expect(200);
    expect(stored.body).toEqual({ informed: 'daily-digest' });
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('shows two sessions, this device marked, and signs the other one out', async () => {
    const person = bed.cast.onRequest.operator;
    const other = await bed.openAs(person, '/');
    const tab = await bed.openAs(person, '/settings');
    const { page } = tab;
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await sessions.getByRole('listitem').nth(1).waitFor();
    expect(await sessions.getByRole('listitem').count()).toBe(2);
    const here = sessions.getByRole('listitem').filter({ hasText: 'This device' });
    expect(await here.count()).toBe(1);
    expect(await here.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await meStatus(other)).toBe(200);

    await sessions.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out this session?' });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'The session is signed out.' }).waitFor();
    await sessions.getByRole('button', { name: 'Sign out' }).waitFor({ state: 'detached' });
    expect(await sessions.getByRole('listitem').count()).toBe(1);
    expect(await meStatus(other)).toBe(401);
    expect(await meStatus(tab)).toBe(200);
    expect([...tab.refusals, ...other.refusals]).toEqual([]);
    await other.context.close();
    await tab.context.close();
  });

  it('creates a personal token shown once, which reads the API until it is revoked', async () => {
    const person = bed.cast.onRequest.consultant;
    const { context, page, refusals } = await bed.openAs(person, '/settings', {
      viewport: PHONE,
    });
    const tokens = page.getByRole('region', { name: 'API tokens' });
    await tokens.getByRole('button', { name: 'Revoke' }).first().waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new token' });
    await dialog.getByText('it will not be shown again').waitFor();
    const secret = await dialog.getByLabel('Token').inputValue();
    expect(secret).toMatch(/^raci_/);
    await dialog.getByRole('button', { name: 'Copy' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    const prefix = secret.slice(0, 12);
    const entry = tokens.getByRole('listitem', { name: prefix });
    await entry.getByText('Personal: it may decide').waitFor();
    expect(await page.content()).not.toContain(secret);
    await api(bed.t, secret).get('/v1/requests').expect(200);

    // By keyboard: the dialog takes the focus, Escape closes it and gives the focus back.
    const revoke = entry.getByRole('button', { name: `Revoke ${prefix}` });
    await revoke.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Revoke this token?' });
    await confirm.waitFor();
    expect(await confirm.locator(':focus').count()).toBe(1);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(`Revoke ${prefix}`);
    await page.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The token ${prefix}… is revoked.` })
      .waitFor();
    await entry.getByText(/^Revoked on /).waitFor();
    await api(bed.t, secret).get('/v1/requests').expect(401);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('switches to French, kept in the browser, and tells a non-admin the tokens page is not theirs', async () => {
    const { context, page, refusals } = await bed.openAs(
      bed.cast.selfService.requester,
      '/settings',
    );
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('radio', { name: 'Français' }).check();
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    await page.getByRole('button', { name: 'Créer un jeton' }).waitFor();
    await page.getByRole('link', { name: 'Paramètres' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${bed.origin}/admin/tokens`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Vous n’avez pas accès à cette page' })
      .waitFor();
    expect(await page.getByLabel('Utilisateur').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('lets an admin revoke the token of a user of their organization', async () => {
    const { admin, approver } = bed.cast.onRequest;
    const minted = await api(bed.t, admin).post(`/v1/users/${approver.id}/tokens`).expect(201);
    const prefix: string = minted.body.prefix;
    const { context, page, refusals } = await bed.openAs(admin, '/admin/tokens', {
      viewport: PHONE,
    });
    await page
      .getByRole('heading', { level: 2, name: 'Tokens of the organization’s users' })
      .waitFor();
    await page.getByLabel('User').selectOption(approver.id);
    const entry = page.getByRole('listitem', { name: prefix });
    await entry.getByRole('button', { name: `Revoke ${prefix}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await entry.getByRole('button', { name: `Revoke ${prefix}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The token ${prefix}… is revoked.` })
      .waitFor();
    await entry.getByText(/^Revoked on /).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await api(bed.t, minted.body.token as string)
      .get('/v1/me')
      .expect(401);
    await api(bed.t, approver).get('/v1/me').expect(200);
    expect(refusals).toEqual([]);
    await context.close();
  });
});
