import { AppConfig, JobItem, JobQueue, RequestEventType } from '@app/core';
import { Locale, Organization, OrganizationsService, User, UsersService } from '@app/parties';
import { DeliveryLedger, DigestMessage } from '../deliveries/delivery-ledger.service';
import { DeliveryStatus, NotificationDelivery } from '../deliveries/notification-delivery.entity';
import { InformedMail } from '../preferences/informed-mail';
import { NotificationPreferences } from '../preferences/notification-preferences.service';
import { UnsubscribeLinks } from '../preferences/unsubscribe-links.service';
import { DigestItem } from './digest-item.entity';
import { DigestItems } from './digest-items.service';
import { digestIdOf, DigestPlanner } from './digest-planner.service';

const ADA = '00000000-0000-4000-8000-0000000000a1';
const ORG = '00000000-0000-4000-8000-00000000000a';
const DAY = '2026-12-02';

const item = (requestId: string, eventType: RequestEventType, at: string): DigestItem => ({
  id: `${requestId}-${eventType}`,
  userId: ADA,
  eventId: `${requestId}-${eventType}`,
  eventType,
  requestId,
  summary: {
    actionKey: 'mariadb.add-read-only-replica',
    actionTitle: 'Add a MariaDB read-only Replica',
    organizationName: 'Globex',
    state: 'approved',
    note: null,
  },
  occurredAt: new Date(at),
  createdAt: new Date(at),
  digestDay: DAY,
});

/** The planner over fakes: one user, Ada, of a French organization, who chose a daily digest. */
function setUp({ active = true, informed = InformedMail.DailyDigest } = {}) {
  const config = AppConfig.fromEnv({
    DIGEST_HOUR: '8',
    DIGEST_TIMEZONE: 'Europe/Paris',
    LINK_SECRET: 'a-link-secret-of-at-least-32-characters!',
    PUBLIC_URL: 'https://raci.example',
  });
  const ada = Object.assign(new User(), {
    id: ADA,
    email: 'ada@globex.test',
    organizationId: ORG,
    active,
  });
  const users = { byIds: () => Promise.resolve([ada]) } as unknown as UsersService;
  const jobs: JobItem[] = [];
  const recorded: DigestMessage[] = [];
  const deliveries: NotificationDelivery[] = [];
  const fakes = {
    items: {
      waitingBefore: jest.fn(() => Promise.resolve([ADA])),
      claim: jest.fn(() =>
        Promise.resolve([
          item('r1', RequestEventType.Submitted, '2026-12-01T09:00:00Z'),
          item('r1', RequestEventType.Approved, '2026-12-01T10:00:00Z'),
        ]),
      ),
      drop: jest.fn(() => Promise.resolve(2)),
    },
    ledger: {
      findByEvent: (eventId: string) =>
        Promise.resolve(deliveries.find((d) => d.eventId === eventId) ?? null),
      recordDigest: (message: DigestMessage) => {
        recorded.push(message);
        const delivery = Object.assign(new NotificationDelivery(), {
          id: `delivery-${recorded.length}`,
          eventId: message.digestId,
          status: DeliveryStatus.Queued,
        });
        deliveries.push(delivery);
        return Promise.resolve(delivery);
      },
    },
  };
  const planner = new DigestPlanner(
    config,
    fakes.items as unknown as DigestItems,
    { informedOf: () => Promise.resolve(informed) } as unknown as NotificationPreferences,
    users,
    {
      findById: () => Promise.resolve(Object.assign(new Organization(), { locale: Locale.Fr })),
    } as unknown as OrganizationsService,
    new UnsubscribeLinks(config, users),
    fakes.ledger as unknown as DeliveryLedger,
    {
      enqueue: (items: JobItem[]) => Promise.resolve(void jobs.push(...items)),
    } as unknown as JobQueue,
  );
  return { planner, jobs, recorded, deliveries, ...fakes };
}

describe('DigestPlanner.tick', () => {
  it('does nothing before the digest hour of the local day', async () => {
    const { planner, jobs, items } = setUp();
    // 06:59 UTC is 07:59 in Paris in winter.
    expect(await planner.tick(new Date('2026-12-02T06:59:00Z'))).toEqual({
      day: DAY,
      outcome: 'before-digest-hour',
      digests: 0,
    });
    expect(items.waitingBefore).not.toHaveBeenCalled();
    expect(jobs).toEqual([]);
  });

  it('from the hour on, queues the day’s digest of everyone with news from before it', async () => {
    const { planner, jobs, items } = setUp();
    expect(await planner.tick(new Date('2026-12-02T07:00:00Z'))).toEqual({
      day: DAY,
      outcome: 'queued',
      digests: 1,
    });
    expect(items.waitingBefore).toHaveBeenCalledWith(new Date('2026-12-02T07:00:00Z'));
    expect(jobs).toEqual([{ name: 'plan-digest', data: { userId: ADA, day: DAY } }]);
  });
});

describe('DigestPlanner.plan', () => {
  it('records one message of the day’s news, in the user’s language, and queues its sending', async () => {
    const { planner, jobs, recorded } = setUp();
    expect(await planner.plan(ADA, DAY)).toEqual({
      userId: ADA,
      day: DAY,
      outcome: 'planned',
      deliveryId: 'delivery-1',
      items: 2,
    });
    const [{ digestId, organizationId, message }] = recorded;
    expect(digestId).toBe(digestIdOf(ADA, DAY));
    expect(organizationId).toBe(ORG);
    expect(message).toMatchObject({
      messageId: `<digest.${ADA}.${DAY}@raci-engine>`,
      to: ['ada@globex.test'],
      subject: 'Résumé du 2026-12-02 : 2 nouvelles sur 1 demande',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    // The link is a slot filled in at sending: the stored message holds no working one.
    const [slot] = message.links!;
    expect(slot).toMatchObject({ kind: 'unsubscribe', id: ADA });
    expect(message.headers!['List-Unsubscribe']).toBe(`<{{link:${slot.slot}}}>`);
    expect(message.text).toContain(`{{link:${slot.slot}}}`);
    expect(JSON.stringify(message)).not.toContain('/v1/unsubscribe/');
    expect(jobs).toEqual([{ name: 'send-mail', data: { deliveryId: 'delivery-1', retry: 0 } }]);
  });

  it('plans a day once: a rerun sends the recorded message again only while it is unsent', async () => {
    const { planner, jobs, recorded, deliveries, items } = setUp();
    await planner.plan(ADA, DAY);
    const again = await planner.plan(ADA, DAY);
    expect(again).toMatchObject({ outcome: 'already-planned', deliveryId: 'delivery-1' });
    expect(recorded).toHaveLength(1);
    expect(items.claim).toHaveBeenCalledTimes(1);
    expect(jobs).toHaveLength(2);
    deliveries[0].status = DeliveryStatus.Sent;
    await planner.plan(ADA, DAY);
    expect(jobs).toHaveLength(2);
  });

  it('sends nothing when no news waited', async () => {
    const { planner, jobs, items } = setUp();
    items.claim.mockResolvedValueOnce([]);
    expect(await planner.plan(ADA, DAY)).toMatchObject({ outcome: 'nothing-new', items: 0 });
    expect(jobs).toEqual([]);
  });

  it.each([
    ['turned Informed mail off', { informed: InformedMail.Off }],
    ['was deactivated', { active: false }],
  ])('drops the news of a user who %s', async (_why, options) => {
    const { planner, jobs, items } = setUp(options);
    expect(await planner.plan(ADA, DAY)).toMatchObject({ outcome: 'not-wanted', items: 0 });
    expect(items.drop).toHaveBeenCalledWith(ADA);
    expect(items.claim).not.toHaveBeenCalled();
    expect(jobs).toEqual([]);
  });
});
