import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { TransactionRunner } from '@app/core';
import { AdminAuditService } from '../admin/admin-audit.service';
import { AdminEvent } from '../admin/admin-event.entity';
import { AuditEntry } from '../audit-entry.entity';
import { AuditKeys } from '../keys/audit-keys';
import { EntrySealing } from './entry-sealing';
import { sealedAdminEvents } from './admin-event-sealing';
import { UnsealableHistoryError } from './unsealable-history.error';

/**
 * History recorded before it was keyed (entries and admin events whose `key_id` is null), sealed at
 * the API's start: per organization, in one transaction holding its log, the plain SHA-256 chains
 * are checked, then every entry gets its place in the organization's log and a MAC under
 * AUDIT_KEY, each request row its head and the organization its `audit_logs` row. An organization
 * whose plain chain is broken is left as it is and logged as an error: verification names it
 * (`unsealed`). Nothing is sealed under a key of this process only (AUDIT_KEY unset).
 */
@Injectable()
export class HistorySealer implements OnApplicationBootstrap {
  private readonly logger = new Logger(HistorySealer.name);

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @InjectRepository(AdminEvent) private readonly events: Repository<AdminEvent>,
    private readonly keys: AuditKeys,
    private readonly adminAudit: AdminAuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.keys.durable) return;
    this.run().catch((error: Error) => this.logger.error(`history sealing: ${error.message}`));
  }

  /** Seals what can be; returns the organizations sealed and those left unsealed. */
  async run(now = new Date()): Promise<{ sealed: string[]; unsealed: string[] }> {
    const sealed: string[] = [];
    const unsealed: string[] = [];
    const attempt = async (organizationId: string, what: string, work: Work) => {
      try {
        if (await this.transactions.run((manager) => work(manager, organizationId, now)))
          sealed.push(organizationId);
      } catch (error) {
        if (!(error instanceof UnsealableHistoryError)) throw error;
        unsealed.push(organizationId);
        this.logger.error(
          `${what} of organization ${organizationId} left unsealed: ${error.message}`,
        );
      }
    };
    for (const organizationId of await this.unkeyed(this.entries))
      await attempt(organizationId, 'the request history', (m, o, at) =>
        this.sealEntries(m, o, at),
      );
    for (const organizationId of await this.unkeyed(this.events))
      await attempt(organizationId, 'the admin audit log', (m, o) => this.sealAdminEvents(m, o));
    if (sealed.length > 0) this.logger.log({ organizations: sealed.length }, 'history sealed');
    return { sealed, unsealed };
  }

  private async sealEntries(manager: EntityManager, organizationId: string, at: Date) {
    return new EntrySealing(manager, this.keys).seal(organizationId, at);
  }

  private async sealAdminEvents(manager: EntityManager, organizationId: string) {
    await this.adminAudit.lockChain(manager, organizationId);
    const events = await manager.find(AdminEvent, {
      where: { organizationId },
      order: { seq: 'ASC' },
    });
    if (!events.some((event) => event.keyId === null)) return false;
    for (const event of sealedAdminEvents(events, this.keys)) {
      const { id, prevHash, keyId, hash } = event;
      await manager.update(AdminEvent, { id }, { prevHash, keyId, hash });
    }
    return true;
  }

  /** The organizations with rows not keyed yet. */
  private async unkeyed(repository: Repository<AuditEntry> | Repository<AdminEvent>) {
    const rows = await (repository as Repository<AuditEntry>)
      .createQueryBuilder('e')
      .select('DISTINCT e.organization_id', 'organizationId')
      .where({ keyId: IsNull() })
      .getRawMany<{ organizationId: string }>();
    return rows.map((row) => row.organizationId).sort();
  }
}

type Work = (manager: EntityManager, organizationId: string, at: Date) => Promise<boolean>;
