import { api } from '../helpers/api.client';
import { ConsoleBed, overflowsSideways, PHONE, seriousViolations } from '../helpers/console-bed';
import { settle } from '../helpers/mailbox';
import { submitRequest } from '../factories/request.factory';

const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};

describe('the web console, in a real browser', () => {
  jest.setTimeout(120_000);
  const bed = new ConsoleBed();
  let origin: string;

  beforeAll(async () => {
    await bed.start();
    origin = bed.origin;
  });
  afterAll(() => bed.stop());

  it('serves the console to browsers under a strict policy, and the links document to JSON clients', async () => {
    const page = await fetch(`${origin}/requests/anything`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root"></div>');
    const links = await fetch(`${origin}/`, { headers: { accept: 'application/json' } });
    expect(await links.json()).toMatchObject({ name: 'raci-engine', signIn: { sso: null } });
  });

  it('takes the approver from the emailed sign-in link to the inbox, the request, and an approval with a comment', async () => {
    const { id } = await submitRequest(bed.cast.onRequest.requester, REPLICA.action, {
      instance: 'db-console-1',
    });
    await settle(bed.t);
    const { context, page, refusals } = await bed.openAs(bed.cast.provider.approver, '/');

    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    const approvals = page.getByRole('region', { name: /To approve/ });
    const entry = approvals.getByRole('link', { name: REPLICA.title }).first();
    await entry.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${origin}/requests/${id}`);
    await page.getByRole('heading', { level: 1, name: REPLICA.title }).waitFor();
    await page.getByRole('row', { name: /Instance\s*db-console-1/ }).waitFor();
    await page.getByRole('row', { name: /Accountable \(A\)\s*provider/ }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve' });
    await dialog.getByLabel('Comment').fill('Fine for the next window');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: Approve.' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('You: Approved').waitFor();
    await timeline.getByText('as A, signed in by emailed link').waitFor();
    await timeline.getByText('Fine for the next window').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const history = (await api(bed.t, bed.cast.provider.admin).get(`/v1/requests/${id}/history`))
      .body;
    expect(history.items.at(-1)).toMatchObject({
      event: 'request.approved',
      actorId: bed.cast.provider.approver.id,
      letter: 'A',
      comment: 'Fine for the next window',
      authentication: { method: 'email_link' },
    });
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('offers a wrong-party user no Approve button, and the engine refuses their crafted approval', async () => {
    const { id } = await submitRequest(bed.cast.onRequest.requester, REPLICA.action, {
      instance: 'db-console-2',
    });
    const { context, page, refusals } = await bed.openAs(
      bed.cast.onRequest.approver,
      `/requests/${id}`,
    );

    await page.getByRole('heading', { level: 1, name: REPLICA.title }).waitFor();
    const actions = page.getByRole('region', { name: 'Actions' });
    // Loaded: the verbs the engine offers, or the words that say there are none.
    await actions
      .getByRole('button')
      .or(actions.getByText('Nothing for you to do on this request.'))
      .first()
      .waitFor();
    expect(await actions.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: 'Reject' }).count()).toBe(0);

    const crafted = await page.evaluate(async (requestId) => {
      const me = (await (await fetch('/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(`/v1/requests/${requestId}/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({ comment: 'Crafted' }),
      });
      return { status: res.status, body: (await res.json()) as { code: string } };
    }, id);
    expect(crafted).toMatchObject({
      status: 403,
      body: { code: 'RACI_NOT_ACCOUNTABLE_APPROVER' },
    });
    expect((await api(bed.t, bed.cast.provider.admin).get(`/v1/requests/${id}`)).body.state).toBe(
      'pending_approval',
    );
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('fits a phone held upright: the inbox and the request page do not scroll sideways', async () => {
    const { id } = await submitRequest(bed.cast.onRequest.requester, REPLICA.action, {
      instance: 'db-console-phone',
    });
    await settle(bed.t);
    const { context, page, refusals } = await bed.openAs(bed.cast.provider.approver, '/', {
      viewport: PHONE,
    });
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByRole('link', { name: REPLICA.title }).first().waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await page.goto(`${origin}/requests/${id}`);
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect(refusals).toEqual([]);
    await context.close();
  });
});
