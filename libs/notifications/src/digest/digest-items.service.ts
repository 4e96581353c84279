import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { asRow, isUniqueViolation, RequestEvent } from '@app/core';
import { DigestItem, DigestSummary } from './digest-item.entity';

/** The Informed news kept for daily digests: written by the mail planner, taken by each day's digest. */
@Injectable()
export class DigestItems {
  constructor(@InjectRepository(DigestItem) private readonly items: Repository<DigestItem>) {}

  /** Keeps an event for a user's next digest; a replayed event keeps nothing more. */
  async keep(event: RequestEvent, userId: string, summary: DigestSummary): Promise<void> {
    const item: DigestItem = {
      id: randomUUID(),
      userId,
      eventId: event.id,
      eventType: event.type,
      requestId: event.requestId,
      summary,
      occurredAt: new Date(event.occurredAt),
      createdAt: new Date(),
      digestDay: null,
    };
    try {
      await this.items.insert(asRow<DigestItem>(item));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** The users with news waiting that was kept before `instant`. */
  async waitingBefore(instant: Date): Promise<string[]> {
    const rows: { userId: string }[] = await this.items
      .createQueryBuilder('i')
      .select('DISTINCT i.user_id', 'userId')
      .where('i.digest_day IS NULL')
      .andWhere('i.created_at < :instant', { instant })
      .getRawMany();
    return rows.map((row) => row.userId);
  }

  /**
   * Gives every item waiting for a user to the digest of `day`, and returns all of that day's items,
   * oldest first: also those an earlier, interrupted run took. An item goes to one digest only.
   */
  async claim(userId: string, day: string): Promise<DigestItem[]> {
    await this.items.update({ userId, digestDay: IsNull() }, { digestDay: day });
    return this.items.find({
      where: { userId, digestDay: day },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  /** Drops what waits for a user who no longer wants it; answers how many items. */
  async drop(userId: string): Promise<number> {
    const { affected } = await this.items.delete({ userId, digestDay: IsNull() });
    return affected ?? 0;
  }
}
