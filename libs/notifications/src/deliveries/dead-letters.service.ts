import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobName, JobQueue, keysetPage, Page, PageRequest } from '@app/core';
import { isUuid } from '@app/parties';
import { NotificationsErrorCode as Code, NotificationsException } from '../notifications.exception';
import { DeliveryStatus, NotificationDelivery } from './notification-delivery.entity';

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  requestId: string | null;
  audience: string;
  recipient: string;
  messageId: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  retries: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** What the provider's admins see of deliveries, and how a failed one is sent again. */
@Injectable()
export class DeadLettersService {
  constructor(
    @InjectRepository(NotificationDelivery)
    private readonly deliveries: Repository<NotificationDelivery>,
    private readonly jobs: JobQueue,
  ) {}

  async list(status: DeliveryStatus | undefined, page: PageRequest): Promise<Page<DeliveryView>> {
    const rows = await keysetPage(this.deliveries, status ? { status } : {}, page, 'DESC');
    return { items: rows.items.map(toView), nextCursor: rows.nextCursor };
  }

  /** Queues a failed message again, with the same Message-ID, under a new job id. */
  async retry(id: string): Promise<DeliveryView> {
    const delivery = isUuid(id) ? await this.deliveries.findOneBy({ id }) : null;
    if (!delivery) throw new NotificationsException(Code.DeliveryNotFound, { id });
    if (delivery.status !== DeliveryStatus.Failed)
      throw new NotificationsException(Code.NotFailed, { id, status: delivery.status });
    const retries = delivery.retries + 1;
    await this.deliveries.update(
      { id, status: DeliveryStatus.Failed },
      { status: DeliveryStatus.Queued, retries, attempts: 0 },
    );
    await this.jobs.enqueue([{ name: JobName.SendMail, data: { deliveryId: id, retry: retries } }]);
    return toView({ ...delivery, status: DeliveryStatus.Queued, retries, attempts: 0 });
  }
}

function toView(d: NotificationDelivery): DeliveryView {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    requestId: d.requestId,
    audience: d.audience,
    recipient: d.recipient,
    messageId: d.messageId,
    subject: d.message.subject,
    status: d.status,
    attempts: d.attempts,
    retries: d.retries,
    lastError: d.lastError,
    createdAt: new Date(d.createdAt).toISOString(),
    sentAt: d.sentAt ? new Date(d.sentAt).toISOString() : null,
  };
}
