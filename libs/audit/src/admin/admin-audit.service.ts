import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { GENESIS_HASH } from '../audit-chain';
import { AdminAction } from './admin-action';
import { AuditKeys } from '../keys/audit-keys';
import { AdminEvent } from './admin-event.entity';
import { adminEventFields, Changes, redact } from './admin-event-chain';
import { AdminEventCursor } from './admin-event-cursor';

/** One change to record: who made it (a principal), to what, in which organization, from and to. */
export interface AdminChange {
  organizationId: string;
  actor: { userId: string | null; organizationId: string };
  action: AdminAction;
  subjectType: 'organization' | 'user' | 'token' | 'webhook' | 'delegation';
  subjectId: string;
  changes: Changes;
}

export interface AdminEventPage {
  items: AdminEvent[];
  nextCursor: string | null;
}

/** Records admin changes in the keyed admin audit log, and reads it back a page at a time. */
@Injectable()
export class AdminAuditService {
  constructor(
    @InjectRepository(AdminEvent) private readonly events: Repository<AdminEvent>,
    private readonly keys: AuditKeys,
  ) {}

  /**
   * Holds the organization's chain until the caller's transaction ends, so two changes never take
   * the same place in it, and a check made after this (the last admin, a unique name) stays true
   * until the commit. SQLite runs one transaction at a time: nothing to hold there.
   */
  async lockChain(manager: EntityManager, organizationId: string): Promise<void> {
    if (manager.connection.options.type !== 'postgres') return;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `admin_events:${organizationId}`,
    ]);
  }

  /** Appends a change to its organization's chain, inside the caller's transaction. */
  async record(manager: EntityManager, change: AdminChange, at = new Date()): Promise<AdminEvent> {
    await this.lockChain(manager, change.organizationId);
    const last = await manager.findOne(AdminEvent, {
      where: { organizationId: change.organizationId },
      order: { seq: 'DESC' },
    });
    const event = {
      id: randomUUID(),
      organizationId: change.organizationId,
      seq: (last?.seq ?? 0) + 1,
      actorId: change.actor.userId,
      actorOrganizationId: change.actor.organizationId,
      action: change.action,
      subjectType: change.subjectType,
      subjectId: change.subjectId,
      changes: JSON.stringify(redact(change.changes)),
      // Never before its predecessor, so newest-first pages list a chain in its order.
      createdAt: last && at <= last.createdAt ? new Date(last.createdAt.getTime() + 1) : at,
      prevHash: last?.hash ?? GENESIS_HASH,
      keyId: this.keys.currentId,
    };
    const row = Object.assign(new AdminEvent(), event, {
      hash: this.keys.mac(adminEventFields(event)),
    });
    await manager.insert(AdminEvent, row);
    return row;
  }

  /** Newest first, keyset-paginated on (created_at, id); of one organization, or of all. */
  async page(filter: {
    organizationId?: string;
    cursor?: string;
    limit?: number;
  }): Promise<AdminEventPage> {
    const limit = filter.limit ?? 50;
    const query = this.events.createQueryBuilder('e');
    if (filter.organizationId)
      query.andWhere('e.organization_id = :organizationId', {
        organizationId: filter.organizationId,
      });
    if (filter.cursor)
      query.andWhere(
        '(e.created_at, e.id) < (:createdAt, :id)',
        AdminEventCursor.decode(filter.cursor),
      );
    const rows = await query
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const more = rows.length > limit && last;
    return {
      items,
      nextCursor: more ? AdminEventCursor.encode(new Date(last.createdAt), last.id) : null,
    };
  }
}
