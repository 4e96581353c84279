import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  DigestTickResult,
  JobItem,
  JobName,
  JobQueue,
  PlanDigestResult,
} from '@app/core';
import { Locale, OrganizationsService, UsersService } from '@app/parties';
import { DeliveryStatus } from '../deliveries/notification-delivery.entity';
import { DeliveryLedger } from '../deliveries/delivery-ledger.service';
import { InformedMail } from '../preferences/informed-mail';
import { NotificationPreferences } from '../preferences/notification-preferences.service';
import { UnsubscribeLinks } from '../preferences/unsubscribe-links.service';
import { localDay, localHourOf } from './digest-clock';
import { DigestItems } from './digest-items.service';
import { renderDigest } from './digest-renderer';

/** Users whose digest jobs are queued in one `addBulk`. */
const CHUNK = 500;

/**
 * Daily digests: which users are due one (the hourly tick), and each user's digest of a day, one
 * message recorded in the delivery ledger like any other and sent by a `send-mail` job.
 */
@Injectable()
export class DigestPlanner {
  constructor(
    private readonly config: AppConfig,
    private readonly items: DigestItems,
    private readonly preferences: NotificationPreferences,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly ledger: DeliveryLedger,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Once the local day has reached `DIGEST_HOUR`, queues the day's digest of every user with news
   * kept from before that hour. The jobs' ids (`digest.<user>.<day>`) make later ticks of the same
   * day, and a second worker's, no-ops; news kept after the hour waits for the next day's digest.
   */
  async tick(at: Date): Promise<DigestTickResult> {
    const { DIGEST_HOUR: hour, DIGEST_TIMEZONE: zone } = this.config.env;
    const day = localDay(at, zone);
    const due = localHourOf(day, hour, zone);
    if (at < due) return { day, outcome: 'before-digest-hour', digests: 0 };
    const users = await this.items.waitingBefore(due);
    for (let start = 0; start < users.length; start += CHUNK) {
      const jobs: JobItem[] = users
        .slice(start, start + CHUNK)
        .map((userId) => ({ name: JobName.PlanDigest, data: { userId, day } }));
      await this.jobs.enqueue(jobs);
    }
    return { day, outcome: 'queued', digests: users.length };
  }

  /** One user's digest of one day: at most one message, however often it runs. */
  async plan(userId: string, day: string): Promise<PlanDigestResult> {
    const digestId = digestIdOf(userId, day);
    const result = { userId, day, deliveryId: null, items: 0 };
    const earlier = await this.ledger.findByEvent(digestId);
    if (earlier) {
      if (earlier.status === DeliveryStatus.Queued) await this.send(earlier.id);
      return { ...result, outcome: 'already-planned', deliveryId: earlier.id };
    }
    const [user] = await this.users.byIds([userId]);
    if (!user?.active || (await this.preferences.informedOf(userId)) === InformedMail.Off) {
      await this.items.drop(userId);
      return { ...result, outcome: 'not-wanted' };
    }
    const items = await this.items.claim(userId, day);
    if (items.length === 0) return { ...result, outcome: 'nothing-new' };
    const organization = await this.organizations.findById(user.organizationId);
    const unsubscribe = this.unsubscribe.slotFor(userId);
    const rendered = renderDigest({
      locale: organization?.locale ?? Locale.En,
      day,
      items,
      unsubscribeUrl: unsubscribe.url,
    });
    const delivery = await this.ledger.recordDigest({
      digestId,
      organizationId: user.organizationId,
      message: {
        messageId: `<digest.${userId}.${day}@raci-engine>`,
        topic: 'daily-digest',
        to: [user.email],
        ...rendered,
        headers: unsubscribe.headers,
        links: [unsubscribe.slot],
      },
    });
    await this.send(delivery.id);
    return { ...result, outcome: 'planned', deliveryId: delivery.id, items: items.length };
  }

  private send(deliveryId: string): Promise<void> {
    return this.jobs.enqueue([{ name: JobName.SendMail, data: { deliveryId, retry: 0 } }]);
  }
}

/** A UUID-shaped id for a user's digest of a day, the same every time: its deliveries' event id. */
export function digestIdOf(userId: string, day: string): string {
  const hex = createHash('sha256').update(`digest.${userId}.${day}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
