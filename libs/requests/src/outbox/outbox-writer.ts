import { EntityManager, InsertQueryBuilder } from 'typeorm';
import { asRow, RequestEvent } from '@app/core';
import { OutboxEvent } from '../entities/outbox-event.entity';

/**
 * Adds an event to the outbox, in the caller's transaction, so it is relayed exactly when the change
 * it describes commits. An event the engine raises itself (a reminder, an escalation) has a stable
 * id: written again by a rerun job, it is kept once.
 */
export async function writeToOutbox(
  manager: EntityManager,
  event: RequestEvent,
  { once = false }: { once?: boolean } = {},
): Promise<void> {
  const insert = outboxInsert(manager, event);
  await (once ? insert.orIgnore() : insert).execute();
}

/** The statement adding the event to the outbox, for a caller that sends it with others. */
export function outboxInsert(
  manager: EntityManager,
  event: RequestEvent,
): InsertQueryBuilder<OutboxEvent> {
  const row = asRow<OutboxEvent>({
    id: event.id,
    aggregateId: event.requestId,
    type: event.type,
    payload: { ...event },
    createdAt: new Date(event.occurredAt),
    publishedAt: null,
  });
  return manager.createQueryBuilder().insert().into(OutboxEvent).values(row);
}
