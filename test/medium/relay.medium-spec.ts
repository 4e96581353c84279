import { EventFanOut, JobItem, JobName } from '@app/core';
import {
  ApprovalDeadlines,
  CommentOnRequestService,
  OutboxEvent,
  OutboxRelay,
  SubmitRequestService,
} from '@app/requests';
import { MediumApp } from './medium-app';

describe('the outbox relay', () => {
  let app: MediumApp;
  let relay: OutboxRelay;

  beforeAll(async () => {
    app = await MediumApp.start();
    relay = app.get(OutboxRelay);
  });
  afterAll(() => app.close());

  const byName = (jobs: readonly JobItem[]) =>
    [...jobs].sort((a, b) => a.name.localeCompare(b.name));
  const outboxRow = (requestId: string, type: string) =>
    app.dataSource.getRepository(OutboxEvent).findOneByOrFail({ aggregateId: requestId, type });

  it('knows the three handlers of events', () => {
    const handlers = app.get(EventFanOut).describe();
    expect(handlers['request.submitted'].sort()).toEqual([
      'DeadlineHandler.schedule',
      'MailHandler.plan',
      'WebhookHandler.dispatch',
    ]);
    expect(handlers['request.commented'].sort()).toEqual([
      'MailHandler.plan',
      'WebhookHandler.dispatch',
    ]);
    expect(new Set(Object.values(handlers).flat())).toEqual(
      new Set(['DeadlineHandler.schedule', 'MailHandler.plan', 'WebhookHandler.dispatch']),
    );
  });

  let requestId: string;

  it('relays a submission as its mail, webhook, reminder and deadline jobs, once', async () => {
    const body = await app.get(SubmitRequestService).submit(app.cast.client.requester.principal, {
      action: 'mariadb.add-read-only-replica',
      params: { instance: 'db-1' },
    });
    requestId = body.id;
    const row = await outboxRow(requestId, 'request.submitted');
    const event = row.payload;
    const due = new Date(event.dueAt!);
    expect(due.toISOString()).toBe(body.dueAt);

    expect(await relay.relayBatch()).toBe(1);

    const reminder = app.get(ApprovalDeadlines).calendar.subtractBusinessDays(due, 1);
    expect(byName(app.recorder.jobs)).toEqual([
      { name: JobName.ApprovalDeadline, data: { requestId }, runAt: due },
      { name: JobName.ApprovalReminder, data: { requestId }, runAt: reminder },
      { name: JobName.DispatchWebhooks, data: { event } },
      { name: JobName.PlanMail, data: { event } },
    ]);
    const published = await outboxRow(requestId, 'request.submitted');
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(published.publishedAt!.getTime()).toBeGreaterThanOrEqual(
      new Date(row.createdAt).getTime(),
    );

    app.recorder.clear();
    expect(await relay.relayBatch()).toBe(0);
    expect(app.recorder.jobs).toEqual([]);
  });

  it('relays a comment to webhooks only: nobody hears of comments by mail', async () => {
    app.recorder.clear();
    await app.get(CommentOnRequestService).comment(app.cast.client.requester.principal, requestId, {
      body: 'Please use the eu-west zone',
    });
    const event = (await outboxRow(requestId, 'request.commented')).payload;
    expect(event).toMatchObject({ comment: 'Please use the eu-west zone', letter: 'I' });

    expect(await relay.relayBatch()).toBe(1);

    expect(app.recorder.jobs).toEqual([{ name: JobName.DispatchWebhooks, data: { event } }]);
    expect((await outboxRow(requestId, 'request.commented')).publishedAt).not.toBeNull();
  });
});
