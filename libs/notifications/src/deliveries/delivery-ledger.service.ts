import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { asRow, isUniqueViolation, RequestEvent } from '@app/core';
import { PlannedMessage } from '../planning/notification-planner.service';
import { DeliveryStatus, NotificationDelivery } from './notification-delivery.entity';

/** The record of every message owed: written before it is queued, settled by the mail processor. */
@Injectable()
export class DeliveryLedger {
  constructor(
    @InjectRepository(NotificationDelivery)
    private readonly deliveries: Repository<NotificationDelivery>,
  ) {}

  /** Records the planned messages of an event; returns those not yet sent (a replay skips the rest). */
  async record(event: RequestEvent, planned: PlannedMessage[]): Promise<NotificationDelivery[]> {
    const rows = planned.map((p) =>
      Object.assign(new NotificationDelivery(), {
        id: randomUUID(),
        eventId: event.id,
        eventType: event.type,
        requestId: event.requestId,
        organizationId: p.organizationId,
        audience: p.audience,
        recipient: p.recipient,
        messageId: p.message.messageId,
        message: p.message,
        status: DeliveryStatus.Queued,
        attempts: 0,
        retries: 0,
        lastError: null,
        createdAt: new Date(),
        sentAt: null,
      }),
    );
    for (const row of rows) {
      try {
        await this.deliveries.insert(asRow<NotificationDelivery>(row));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    const stored = await this.deliveries.findBy({
      eventId: event.id,
      recipient: In(rows.map((row) => row.recipient)),
    });
    return stored.filter((delivery) => delivery.status !== DeliveryStatus.Sent);
  }

  /** A delivery and its message, as the send job reads it. */
  find(id: string): Promise<NotificationDelivery | null> {
    return this.deliveries.findOneBy({ id });
  }

  async settle(
    id: string,
    outcome:
      | { sent: true; attempts: number }
      | { sent: false; attempts: number; error: string; final: boolean },
  ): Promise<void> {
    await this.deliveries.update(
      id,
      outcome.sent
        ? {
            status: DeliveryStatus.Sent,
            attempts: outcome.attempts,
            sentAt: new Date(),
            lastError: null,
          }
        : {
            status: outcome.final ? DeliveryStatus.Failed : DeliveryStatus.Queued,
            attempts: outcome.attempts,
            lastError: outcome.error.slice(0, 2000),
          },
    );
  }
}
