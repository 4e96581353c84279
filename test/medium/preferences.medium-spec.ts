import { randomUUID } from 'node:crypto';
import { DIGEST_TICK_SCHEDULER, JobName, RequestEvent } from '@app/core';
import {
  Audience,
  DigestItem,
  DigestPlanner,
  InformedMail,
  LiveLinks,
  NotificationDelivery,
  NotificationPlanner,
  NotificationPreferences,
  PlannedMessage,
} from '@app/notifications';
import { OutboxEvent, SubmitRequestService } from '@app/requests';
import { CUSTOMER_CONTACT, Person } from './medium-cast.factory';
import { MediumApp } from './medium-app';

describe('the mail planner honours each user’s choice of Informed mail', () => {
  let app: MediumApp;
  let planner: NotificationPlanner;
  let preferences: NotificationPreferences;

  beforeAll(async () => {
    app = await MediumApp.start();
    planner = app.get(NotificationPlanner);
    preferences = app.get(NotificationPreferences);
  });
  afterAll(() => app.close());

  /** A replica request submitted by the customer's requester, who is thereby Informed of it. */
  const submitted = async (by: Person = app.cast.client.requester): Promise<RequestEvent> => {
    const body = await app.get(SubmitRequestService).submit(by.principal, {
      action: 'mariadb.add-read-only-replica',
      params: { instance: `db-${randomUUID().slice(0, 8)}` },
      organizationId: app.cast.customer.id,
    });
    const row = await app.dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ aggregateId: body.id, type: 'request.submitted' });
    return row.payload;
  };
  const whom = (planned: PlannedMessage[]) => planned.map((p) => [p.audience, p.recipient]);
  const keptFor = (userId: string) =>
    app.dataSource
      .getRepository(DigestItem)
      .find({ where: { userId }, order: { occurredAt: 'ASC' } });

  it('sends at once by default, with a one-click unsubscribe for the user, none for the mailbox', async () => {
    const { client } = app.cast;
    expect(await preferences.informedOf(client.requester.user.id)).toBe(InformedMail.Immediate);

    const planned = await planner.plan(await submitted());

    const informed = planned.filter((p) => p.audience === Audience.Informed);
    expect(whom(informed)).toEqual([
      ['informed', CUSTOMER_CONTACT],
      ['informed', client.requester.user.email],
    ]);
    const [mailbox, stored] = informed.map((p) => p.message);
    expect(mailbox.headers).toBeUndefined();
    // The recorded message holds the link as a slot; its sending makes it.
    expect(JSON.stringify(stored)).not.toContain('/v1/unsubscribe/');
    const submitter = await app.get(LiveLinks).fill(stored);
    expect(submitter.headers).toEqual({
      'List-Unsubscribe': expect.stringMatching(
        new RegExp(`^<https://raci\\.test/v1/unsubscribe/${client.requester.user.id}\\.[\\w-]+>$`),
      ),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(submitter.text).toContain('To stop these updates, unsubscribe: https://raci.test/');
    // Those asked to act get no unsubscribe: their mail is always sent.
    for (const ask of planned.filter((p) => p.audience !== Audience.Informed)) {
      expect(ask.message.headers).toBeUndefined();
    }
  });

  it('keeps the news of a daily-digest user for the digest, once however often it is planned', async () => {
    const { client } = app.cast;
    await preferences.setInformed(client.requester.user.id, InformedMail.DailyDigest);
    const event = await submitted();

    const planned = await planner.plan(event);
    await planner.plan(event);

    expect(whom(planned.filter((p) => p.audience === Audience.Informed))).toEqual([
      ['informed', CUSTOMER_CONTACT],
    ]);
    const kept = (await keptFor(client.requester.user.id)).filter((i) => i.eventId === event.id);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      eventType: 'request.submitted',
      requestId: event.requestId,
      digestDay: null,
      summary: {
        actionKey: 'mariadb.add-read-only-replica',
        actionTitle: 'Add a MariaDB read-only Replica',
        organizationName: 'Globex',
        state: 'pending_approval',
        note: null,
      },
    });
  });

  it('tells a user who chose off nothing and keeps nothing, yet still asks them to act', async () => {
    const { client, provider } = app.cast;
    await preferences.setInformed(client.requester.user.id, InformedMail.Off);
    await preferences.setInformed(provider.approver.user.id, InformedMail.Off);
    const event = await submitted();

    const planned = await planner.plan(event);

    expect(whom(planned)).toEqual([
      ['approval-needed', provider.approver.user.email],
      ['approval-needed', provider.requestingApprover.user.email],
      ['informed', CUSTOMER_CONTACT],
    ]);
    expect((await keptFor(client.requester.user.id)).filter((i) => i.eventId === event.id)).toEqual(
      [],
    );
    await preferences.setInformed(provider.approver.user.id, InformedMail.Immediate);
  });

  it('digests a day’s news once: the tick queues it from the digest hour on, the job records one message', async () => {
    const { client } = app.cast;
    const userId = client.requester.user.id;
    await preferences.setInformed(userId, InformedMail.DailyDigest);
    await planner.plan(await submitted());
    const digests = app.get(DigestPlanner);
    const recorder = app.recorder;
    expect(recorder.schedulers.get(DIGEST_TICK_SCHEDULER)).toEqual({
      every: { pattern: '0 * * * *', tz: 'UTC' },
      item: { name: JobName.DigestTick, data: { at: null } },
    });

    // DIGEST_HOUR is 8 (UTC): tomorrow at 07:59 is too early, at 08:00 everything kept today is due.
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    recorder.clear();
    expect(await digests.tick(new Date(`${tomorrow}T07:59:00Z`))).toMatchObject({
      outcome: 'before-digest-hour',
    });
    expect(await digests.tick(new Date(`${tomorrow}T08:00:00Z`))).toEqual({
      day: tomorrow,
      outcome: 'queued',
      digests: 1,
    });
    expect(recorder.jobs).toEqual([{ name: JobName.PlanDigest, data: { userId, day: tomorrow } }]);

    recorder.clear();
    // The submissions kept in the second test and in this one.
    const first = await digests.plan(userId, tomorrow);
    expect(first).toMatchObject({ outcome: 'planned', items: 2 });
    const again = await digests.plan(userId, tomorrow);
    expect(again).toMatchObject({ outcome: 'already-planned', deliveryId: first.deliveryId });
    const send = { name: JobName.SendMail, data: { deliveryId: first.deliveryId, retry: 0 } };
    expect(recorder.jobs).toEqual([send, send]);

    const delivery = await app.dataSource
      .getRepository(NotificationDelivery)
      .findOneByOrFail({ id: first.deliveryId! });
    expect(delivery).toMatchObject({
      eventType: 'notification.digest',
      requestId: null,
      audience: 'informed',
      recipient: client.requester.user.email,
      messageId: `<digest.${userId}.${tomorrow}@raci-engine>`,
    });
    expect(delivery.message.subject).toBe(`Daily summary for ${tomorrow}: 2 updates on 2 requests`);
    expect((await keptFor(userId)).map((i) => i.digestDay)).toEqual([tomorrow, tomorrow]);
    // Taken: the next tick finds nobody waiting.
    expect(await digests.tick(new Date(`${tomorrow}T09:00:00Z`))).toMatchObject({ digests: 0 });
  });
});
