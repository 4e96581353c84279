import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { postgresConnection } from './data-source-options';
import { isDatabaseUnavailable } from './database-unavailable';
import { OwnWrites } from './own-writes';

/** How long reads stay on the primary after the replica failed, before it is tried again (ms). */
export const REPLICA_RETRY_MS = 5_000;

/** A standby cancels a query whose rows its replay must remove: the primary answers it instead. */
const RECOVERY_CONFLICT = /conflict with recovery/i;

/** Who reads, for `ReadReplica`: the person, or the bootstrap admin of an organization. */
export function readerOf(principal: { userId: string | null; organizationId: string }): string {
  return principal.userId ?? `organization:${principal.organizationId}`;
}

/**
 * The PostgreSQL streaming replica of `DATABASE_REPLICA_URL`, for the few reads that may lag: the
 * request list, the inbox, the catalog versions. Everything else reads and writes the primary.
 *
 * A read goes to the primary instead when no replica is configured, when the replica is unreachable
 * (logged once; tried again after `REPLICA_RETRY_MS`), and when the replica has not yet replayed
 * the caller's own last write in this process (`noteWrite`): a caller always sees what they wrote.
 * The replica's pool opens at its first read, so a replica that is down never stops a start.
 */
@Injectable()
export class ReadReplica implements OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplica');
  private readonly url: string | undefined;
  private readonly own: OwnWrites;
  private opening: Promise<DataSource> | null = null;
  private restingUntil = 0;
  private down = false;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
  ) {
    this.url = config.env.DATABASE_REPLICA_URL;
    this.own = new OwnWrites(config.env.DATABASE_REPLICA_STICKY_MS);
  }

  get configured(): boolean {
    return this.url !== undefined;
  }

  /** Runs a read on the replica, or on the primary when it must (see the class). */
  async read<T>(reader: string | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const replica = this.configured && Date.now() >= this.restingUntil ? await this.open() : null;
    if (replica) {
      const runner = replica.createQueryRunner();
      try {
        await runner.connect();
        if (await this.hasReplayed(runner.manager, reader)) {
          const result = await work(runner.manager);
          this.answered();
          return result;
        }
      } catch (error) {
        if (!isDatabaseUnavailable(error) && !RECOVERY_CONFLICT.test(messageOf(error))) throw error;
        this.failed(error);
      } finally {
        await runner.release();
      }
    }
    return await work(this.primary.manager);
  }

  /**
   * After `reader`'s write committed: their reads stay on the primary until the replica has
   * replayed the primary's WAL up to now (or `DATABASE_REPLICA_STICKY_MS` has passed).
   */
  async noteWrite(reader: string): Promise<void> {
    if (!this.configured) return;
    const lsn = await this.primary
      .query<{ lsn: string }[]>('SELECT pg_current_wal_lsn()::text AS lsn')
      .then(([row]) => row?.lsn ?? null)
      .catch(() => null);
    this.own.note(reader, lsn);
  }

  async onApplicationShutdown(): Promise<void> {
    const replica = await this.opening?.catch(() => null);
    if (replica?.isInitialized) await replica.destroy();
  }

  /** The replica's data source, opened once; null while it cannot be reached. */
  private async open(): Promise<DataSource | null> {
    this.opening ??= this.connect();
    try {
      return await this.opening;
    } catch (error) {
      this.opening = null;
      this.failed(error);
      return null;
    }
  }

  /** A data source on the replica, with the primary's entities and bounds, and no migrations. */
  protected async connect(): Promise<DataSource> {
    const replica = new DataSource({
      ...postgresConnection(this.config, this.url!),
      entities: this.primary.entityMetadatas.map((metadata) => metadata.target),
      synchronize: false,
      migrationsRun: false,
    });
    return await replica.initialize();
  }

  private async hasReplayed(replica: EntityManager, reader: string | null): Promise<boolean> {
    const write = reader === null ? undefined : this.own.pending(reader);
    if (!write) return true;
    if (write.lsn === null) return false;
    const [row] = await replica.query<{ replayed: boolean | null }[]>(
      'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed',
      [write.lsn],
    );
    if (row?.replayed !== true) return false;
    this.own.replayed(reader!, write);
    return true;
  }

  private failed(error: unknown): void {
    this.restingUntil = Date.now() + REPLICA_RETRY_MS;
    if (this.down) return;
    this.down = true;
    this.logger.warn(`the read replica is unreachable (${messageOf(error)}); reading the primary`);
  }

  private answered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log('the read replica answers again; list reads go back to it');
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
