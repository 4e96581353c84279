import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { lockUntilCommit, TransactionRunner } from '@app/core';
import { Catalog } from '../catalog';
import { CatalogVersionsAnnouncer } from './catalog-versions.announcer';
import { CatalogVersion, CatalogVersionState as State } from './catalog-version.entity';
import { CatalogVersionsService, VERSIONS_LOCK } from './catalog-versions.service';

/**
 * Puts versions in force: an approved version becomes active at its `effectiveAt` or at once, in
 * this process immediately and in every other one through Redis, with the database read again
 * every `CATALOG_POLL_MS` as the fallback (`sync`).
 */
@Injectable()
export class CatalogActivationService {
  private readonly logger = new Logger(CatalogActivationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly versions: CatalogVersionsService,
    private readonly catalog: Catalog,
    private readonly announcer: CatalogVersionsAnnouncer,
  ) {}

  /**
   * Approves a version: it becomes active now if its `effectiveAt` is past or absent, otherwise
   * when that time comes (every process's poll activates it). Answers the version as stored.
   */
  async activate(version: number, now = new Date()): Promise<CatalogVersion> {
    const row = await this.versions.one(version);
    await this.dataSource
      .getRepository(CatalogVersion)
      .update({ id: row.id, approvedAt: IsNull() }, { approvedAt: now });
    await this.activateDue(now);
    return await this.versions.one(version);
  }

  /** Activates the approved drafts that fell due, oldest first; the last one stays active. */
  async activateDue(now = new Date()): Promise<void> {
    const due = await this.dueDrafts(this.dataSource.manager, now);
    if (due.length === 0) return;
    const activated = await this.transactions.run(async (manager) => {
      await lockUntilCommit(manager, VERSIONS_LOCK);
      const stillDue = await this.dueDrafts(manager, now);
      for (const row of stillDue) await this.versions.makeActive(manager, row, now);
      return stillDue.length > 0;
    });
    if (activated) {
      await this.sync();
      await this.announcer.announce(this.catalog.version);
    }
  }

  /** Makes this process's catalog follow the stored active version. */
  async sync(): Promise<void> {
    const active = await this.dataSource.getRepository(CatalogVersion).findOne({
      where: { state: State.Active },
      select: { id: true, version: true },
    });
    if (!active || active.version === this.catalog.version) return;
    const tables = await this.catalog.at(active.version);
    if (tables.version !== active.version) return;
    this.catalog.activate(tables);
    this.logger.log(`catalog version ${active.version} is active`);
  }

  private dueDrafts(manager: EntityManager, now: Date): Promise<CatalogVersion[]> {
    return manager.find(CatalogVersion, {
      where: [
        { state: State.Draft, approvedAt: Not(IsNull()), effectiveAt: IsNull() },
        { state: State.Draft, approvedAt: Not(IsNull()), effectiveAt: LessThanOrEqual(now) },
      ],
      order: { version: 'ASC' },
    });
  }
}
