import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, Not } from 'typeorm';
import { lockUntilCommit, Page, PageCursor, ReadReplica, TransactionRunner } from '@app/core';
import { CommonErrorCode, CommonException } from '@app/core';
import { CatalogTables } from '../catalog-tables';
import { CatalogValidationError } from '../loader/catalog-validation.error';
import { CatalogErrorCode, CatalogException } from '../catalog.exception';
import { parseCatalog } from '../loader/catalog-loader';
import { catalogHash } from './catalog-hash';
import { CatalogVersion, CatalogVersionState as State, DEPLOYMENT } from './catalog-version.entity';

/** The lock every writer of versions holds, so that numbers and the one active version hold. */
export const VERSIONS_LOCK = 'catalog-versions';

export interface ProposeOptions {
  /** When it is to become active once approved; absent: at once. */
  effectiveAt?: Date | null;
  reason: string;
  /** `deployment`, or a user id. */
  createdBy: string;
}

/**
 * The stored versions of the matrix: numbering, reading, and the one active version. Writers hold
 * one advisory lock (PostgreSQL), so concurrent processes never number twice or activate two.
 */
@Injectable()
export class CatalogVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly replica: ReadReplica,
  ) {}

  /**
   * Stores files (product → YAML text) as a new draft version, validated as `catalog:validate`
   * does (a CatalogValidationError lists every problem with its line). Nothing is active yet.
   */
  async propose(files: Record<string, string>, options: ProposeOptions): Promise<CatalogVersion> {
    parseCatalog(fileTexts(files));
    return await this.transactions.run((manager) => this.insert(manager, files, options));
  }

  /**
   * Checks files as `catalog:validate` does, answering a 422 CATALOG_CHANGE_INVALID that lists each
   * problem with its file and line: what a caller proposing a change is told.
   */
  validate(files: Record<string, string>): void {
    try {
      parseCatalog(fileTexts(files));
    } catch (error) {
      if (!(error instanceof CatalogValidationError)) throw error;
      const problems = error.problems.map(({ file, line, action, message }) => ({
        ...{ file, line, message },
        ...(action ? { action } : {}),
      }));
      throw new CatalogException(CatalogErrorCode.ChangeInvalid, {
        count: problems.length,
        problems,
      });
    }
  }

  /** Removes a draft nobody approved: a proposal whose request could not be submitted. */
  async forget(version: number): Promise<void> {
    await this.dataSource
      .getRepository(CatalogVersion)
      .delete({ version, state: State.Draft, approvedAt: IsNull() });
  }

  /** Marks a draft nobody approved as discarded (its change was rejected or cancelled). */
  async discard(version: number): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(CatalogVersion)
      .update({ version, state: State.Draft, approvedAt: IsNull() }, { state: State.Discarded });
    return (result.affected ?? 0) > 0;
  }

  /**
   * In the caller's transaction, under the versions lock: inserts a draft if `wanted` (asked once
   * the lock is held, so that it sees what concurrent writers committed) says so.
   */
  async insertIf(
    manager: EntityManager,
    files: Record<string, string>,
    wanted: () => Promise<boolean>,
  ): Promise<CatalogVersion | null> {
    await lockUntilCommit(manager, VERSIONS_LOCK);
    if (!(await wanted())) return null;
    return await this.insert(manager, files, {
      reason: 'the matrix files changed',
      createdBy: DEPLOYMENT,
    });
  }

  /** Inserts a draft, numbered after the last, under the versions lock. */
  async insert(
    manager: EntityManager,
    files: Record<string, string>,
    { effectiveAt = null, reason, createdBy }: ProposeOptions,
  ): Promise<CatalogVersion> {
    await lockUntilCommit(manager, VERSIONS_LOCK);
    const last = await manager.findOne(CatalogVersion, { where: {}, order: { version: 'DESC' } });
    const row = Object.assign(new CatalogVersion(), {
      id: randomUUID(),
      version: (last?.version ?? 0) + 1,
      files,
      hash: catalogHash(files),
      createdBy,
      reason,
      state: State.Draft,
      createdAt: new Date(),
      effectiveAt,
      approvedAt: null,
      activatedAt: null,
    });
    return await manager.save(row);
  }

  /** In the caller's locked transaction: supersedes the active version and activates `row`. */
  async makeActive(manager: EntityManager, row: CatalogVersion, now: Date): Promise<void> {
    await manager.update(
      CatalogVersion,
      { state: State.Active, id: Not(row.id) },
      { state: State.Superseded },
    );
    await manager.update(
      CatalogVersion,
      { id: row.id },
      { state: State.Active, activatedAt: now, approvedAt: row.approvedAt ?? now },
    );
  }

  /**
   * The versions, newest first, a page at a time (the cursor is the last version's number). Read
   * on the replica for `reader` when there is one (ReadReplica), else on the primary.
   */
  async list(
    cursor: string | undefined,
    limit: number,
    reader?: string,
  ): Promise<Page<CatalogVersion>> {
    const below = cursor === undefined ? null : PageCursor.toSeq(cursor);
    if (below === null && cursor !== undefined) {
      throw new CommonException(CommonErrorCode.InvalidCursor);
    }
    const rows = await this.readFor(reader, (manager) =>
      manager.find(CatalogVersion, {
        where: below === null ? {} : { version: LessThan(below) },
        order: { version: 'DESC' },
        take: limit + 1,
      }),
    );
    const items = rows.slice(0, limit);
    const more = rows.length > limit;
    return { items, nextCursor: more ? PageCursor.fromSeq(items[items.length - 1].version) : null };
  }

  /** One version, or 404 CATALOG_VERSION_NOT_FOUND; on the replica when `reader` is given. */
  async one(version: number, reader?: string): Promise<CatalogVersion> {
    const row = Number.isSafeInteger(version)
      ? await this.readFor(reader, (manager) => manager.findOneBy(CatalogVersion, { version }))
      : null;
    if (!row) throw new CatalogException(CatalogErrorCode.VersionNotFound, { version });
    return row;
  }

  /** A read for `reader` on the replica (ReadReplica); without a reader, on the primary. */
  private readFor<T>(reader: string | undefined, work: (manager: EntityManager) => Promise<T>) {
    return reader === undefined ? work(this.dataSource.manager) : this.replica.read(reader, work);
  }

  /** The active version's row, if any version is active yet. */
  async active(manager = this.dataSource.manager): Promise<CatalogVersion | null> {
    return await manager.findOneBy(CatalogVersion, { state: State.Active });
  }

  /** A stored version's tables, validated again; undefined for a number nobody stored. */
  async tablesOf(version: number): Promise<CatalogTables | undefined> {
    const row = await this.dataSource.getRepository(CatalogVersion).findOneBy({ version });
    return row ? tablesOfRow(row) : undefined;
  }
}

/** The tables of a stored version. */
export function tablesOfRow(row: CatalogVersion): CatalogTables {
  return parseCatalog(fileTexts(row.files), row.version);
}

/** Stored files as the loader reads them: `<product>.yaml` and its text, by name. */
export function fileTexts(files: Record<string, string>): { path: string; text: string }[] {
  return Object.keys(files)
    .sort()
    .map((product) => ({ path: `${product}.yaml`, text: files[product] }));
}
