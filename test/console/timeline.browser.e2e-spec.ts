import { api } from '../helpers/api.client';
import { ConsoleBed, overflowsSideways, PHONE, seriousViolations } from '../helpers/console-bed';
import { submitRequest, walk } from '../factories/request.factory';
import type { Actor } from '../factories/parties.factory';

const REPLICA = {
  action: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
};

describe('the request’s timeline, in a real browser', () => {
  jest.setTimeout(150_000);
  const bed = new ConsoleBed();
  let id: string;
  let approverName: string;
  let operatorName: string;

  const nameOf = async (actor: Actor) =>
    (await api(bed.t, actor).get('/v1/me').expect(200)).body.name as string;

  beforeAll(async () => {
    await bed.start();
    const { provider, onRequest } = bed.cast;
    const request = await submitRequest(onRequest.requester, REPLICA.action, {
      instance: 'db-timeline-1',
    });
    id = request.id;
    await walk(request, ['approve', provider.secondApprover]);
    await api(bed.t, provider.operator)
      .post(`/v1/requests/${id}/comments`, { body: 'Check the disk first', internal: true })
      .expect(201);
    [approverName, operatorName] = await Promise.all([
      nameOf(provider.secondApprover),
      nameOf(provider.operator),
    ]);
  });
  afterAll(() => bed.stop());

  it('names each actor, and shows the provider its internal comment, marked', async () => {
    const { context, page, refusals } = await bed.openAs(
      bed.cast.provider.approver,
      `/requests/${id}`,
    );
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(`${approverName}: Approved`).waitFor();
    await timeline.getByText('Check the disk first').waitFor();
    // The mark is part of the line's title, so a screen reader reads it with the line.
    const title = timeline.getByText(`${operatorName}: Commented internally`);
    expect((await title.textContent())?.trim()).toBe(
      `Internal${operatorName}: Commented internally`,
    );
    await title.getByText('Internal', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await overflowsSideways(page)).toBe(false);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('never shows the customer the internal comment', async () => {
    const { context, page, refusals } = await bed.openAs(
      bed.cast.onRequest.requester,
      `/requests/${id}`,
    );
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('You: Submitted').waitFor();
    await timeline.getByText(`${approverName}: Approved`).waitFor();
    expect(await timeline.getByText('Check the disk first').count()).toBe(0);
    expect(await timeline.getByText('Internal', { exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });
});
