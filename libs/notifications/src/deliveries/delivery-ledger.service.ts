import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { asRow, isUniqueViolation, RequestEvent } from '@app/core';
import { MailMessage } from '../mail/mail-message';
import { Audience } from '../planning/audience';
import { PlannedMessage } from '../planning/notification-planner.service';
import { DeliveryClaim, DeliveryRounds } from './delivery-rounds';
import { DeliveryStatus, NotificationDelivery } from './notification-delivery.entity';

/** A message about no single event of a request: a daily digest, named by its own stable id. */
export interface DigestMessage {
  /** Stands in for the event id: the same user and day always give the same one. */
  digestId: string;
  organizationId: string;
  message: MailMessage;
}

/** The event type deliveries of daily digests are recorded under. */
export const DIGEST_EVENT_TYPE = 'notification.digest';

/** The record of every message owed: written before it is queued, settled by the mail processor. */
@Injectable()
export class DeliveryLedger {
  private readonly rounds: DeliveryRounds;

  constructor(
    @InjectRepository(NotificationDelivery)
    private readonly deliveries: Repository<NotificationDelivery>,
  ) {
    this.rounds = new DeliveryRounds((sql, params) => this.deliveries.query(sql, params));
  }

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
    // One insert for all of the event's messages; a replay's rows are there already and stay.
    if (rows.length > 0) {
      await this.deliveries
        .createQueryBuilder()
        .insert()
        .values(rows.map((row) => asRow<NotificationDelivery>(row)))
        .orIgnore()
        .execute();
    }
    const stored = await this.deliveries.findBy({
      eventId: event.id,
      recipient: In(rows.map((row) => row.recipient)),
    });
    return stored.filter((delivery) => delivery.status !== DeliveryStatus.Sent);
  }

  /**
   * Records a daily digest, Informed mail about several requests; answers its delivery, the one an
   * earlier run recorded if there is one.
   */
  recordDigest({
    digestId,
    organizationId,
    message,
  }: DigestMessage): Promise<NotificationDelivery> {
    return this.recordNotice({
      noticeId: digestId,
      eventType: DIGEST_EVENT_TYPE,
      audience: Audience.Informed,
      organizationId,
      message,
    });
  }

  /**
   * Records a message about no one request (a digest, a delegation's notice), under its own stable
   * id and event type; answers its delivery, the one an earlier run recorded if there is one.
   */
  async recordNotice(notice: {
    noticeId: string;
    eventType: string;
    /** Whom it speaks to: an audience of request mail, or what the notice is about. */
    audience: string;
    organizationId: string;
    message: MailMessage;
  }): Promise<NotificationDelivery> {
    const { noticeId, eventType, audience, organizationId, message } = notice;
    await this.insertOnce(
      Object.assign(new NotificationDelivery(), {
        id: randomUUID(),
        eventId: noticeId,
        eventType,
        requestId: null,
        organizationId,
        audience,
        recipient: message.to[0],
        messageId: message.messageId,
        message,
        status: DeliveryStatus.Queued,
        attempts: 0,
        retries: 0,
        lastError: null,
        createdAt: new Date(),
        sentAt: null,
      }),
    );
    return this.deliveries.findOneByOrFail({ eventId: noticeId, recipient: message.to[0] });
  }

  /** The delivery recorded for an event (or a digest) to anyone, if any. */
  findByEvent(eventId: string): Promise<NotificationDelivery | null> {
    return this.deliveries.findOneBy({ eventId });
  }

  /** A delivery and its message, as the send job reads it. */
  find(id: string): Promise<NotificationDelivery | null> {
    return this.deliveries.findOneBy({ id });
  }

  /**
   * The delivery a send job is about to send, read in the same round trip as other jobs' settling
   * on PostgreSQL (see DeliveryRounds); null when there is none.
   */
  async claim(id: string): Promise<DeliveryClaim | null> {
    if (this.inRounds) return this.rounds.claim(id);
    const delivery = await this.find(id);
    return delivery && { id: delivery.id, status: delivery.status, message: delivery.message };
  }

  /** Records a delivery as sent, written in the same round trip as other jobs' claims. */
  settleSent(id: string, attempts: number): Promise<void> {
    if (this.inRounds) return this.rounds.settleSent(id, attempts);
    return this.settle(id, { sent: true, attempts });
  }

  /** PostgreSQL shares round trips; an embedded SQLite file has none to save, nor `unnest`. */
  private get inRounds(): boolean {
    return this.deliveries.manager.connection.options.type === 'postgres';
  }

  /** Inserts a row unless one for the same event and recipient exists. */
  private async insertOnce(row: NotificationDelivery): Promise<void> {
    try {
      await this.deliveries.insert(asRow<NotificationDelivery>(row));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
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
