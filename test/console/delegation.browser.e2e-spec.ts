import { api } from '../helpers/api.client';
import { ConsoleBed, overflowsSideways, PHONE, seriousViolations } from '../helpers/console-bed';
import { submitRequest } from '../factories/request.factory';
import type { Actor } from '../factories/parties.factory';

const REPLICA = 'mariadb.add-read-only-replica';

/**
 * A provider approver hands their decisions to the operator in Settings; the operator sees the
 * approval in the inbox "on behalf of" the approver, approves it, and the timeline says so.
 */
describe('delegation in the console, in a real browser', () => {
  jest.setTimeout(180_000);
  const bed = new ConsoleBed();
  let approverName: string;
  let operatorName: string;

  const nameOf = async (actor: Actor) =>
    (await api(bed.t, actor).get('/v1/me').expect(200)).body.name as string;

  beforeAll(async () => {
    await bed.start();
    [approverName, operatorName] = await Promise.all([
      nameOf(bed.cast.provider.approver),
      nameOf(bed.cast.provider.operator),
    ]);
  });
  afterAll(() => bed.stop());

  it('sets a delegation in Settings, and the delegate decides on behalf of the delegator', async () => {
    const approver = await bed.openAs(bed.cast.provider.approver, '/settings');
    const section = approver.page.getByRole('region', { name: 'Delegations' });
    await section.getByText('No delegation.').waitFor();
    await section.getByRole('button', { name: 'Delegate my decisions' }).click();
    const dialog = approver.page.getByRole('dialog', { name: 'Delegate my decisions' });
    const delegate = dialog.getByLabel('Delegate');
    const choice = delegate.locator('option', { hasText: operatorName });
    await delegate.selectOption((await choice.getAttribute('value')) ?? 'no such option');
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000);
    await dialog.getByLabel('Ends').fill(local.toISOString().slice(0, 16));
    await dialog.getByLabel('Reason').fill('Holidays');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await section.getByText('The delegation is set.', { exact: false }).waitFor();
    const entry = section.getByRole('listitem', { name: `From you to ${operatorName}` });
    await entry.getByText('Active', { exact: true }).waitFor();
    expect(await seriousViolations(approver.page)).toEqual([]);
    await approver.page.setViewportSize(PHONE);
    expect(await overflowsSideways(approver.page)).toBe(false);
    expect(approver.refusals).toEqual([]);

    const request = await submitRequest(bed.cast.onRequest.requester, REPLICA, {
      instance: 'db-delegated-1',
    });
    const operator = await bed.openAs(bed.cast.provider.operator, '/');
    const approvals = operator.page.getByRole('region', { name: /^To approve/ });
    await approvals.getByText(`On behalf of ${approverName}`).first().waitFor();
    await operator.page.goto(`${bed.origin}/requests/${request.id}`);
    await operator.page.getByRole('button', { name: 'Approve' }).click();
    const confirm = operator.page.getByRole('dialog');
    await confirm.getByLabel('Comment').fill('Approved while Ada is away');
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    const timeline = operator.page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('You: Approved').waitFor();
    await timeline.getByText(`on behalf of ${approverName}`, { exact: false }).waitFor();
    expect(operator.refusals).toEqual([]);
    await operator.context.close();

    // The delegator ends it early: it is over, and "End" is gone.
    await approver.page.setViewportSize({ width: 1280, height: 900 });
    await entry.getByRole('button', { name: 'End' }).click();
    await approver.page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await section.getByText('The delegation is ended.').waitFor();
    await entry.getByText('Over', { exact: true }).waitFor();
    expect(await entry.getByRole('button', { name: 'End' }).count()).toBe(0);
    await approver.context.close();
  });
});
