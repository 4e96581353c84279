import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  AppConfig,
  EventFanOut,
  JobQueue,
  RequestEvent,
  TransactionRunner,
  withTimeout,
} from '@app/core';
import { OutboxEvent } from '../entities/outbox-event.entity';

/** How long enqueueing a batch may take before the relay gives up and retries later. */
const ENQUEUE_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 10_000;

/**
 * Moves committed outbox rows to BullMQ, oldest first, as the jobs their handlers ask for (the
 * event fan-out). Rows are claimed with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several relays
 * share the work; a row is marked published only once its jobs are in Redis, and each job's id
 * follows from the event, so a batch enqueued twice (a crash between the two steps) still yields
 * one job per event and handler. While Redis is down nothing is marked: mail waits, nothing is
 * lost, and requests keep being accepted.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  /** Set when an event arrives; the relay then looks again without waiting for the poll. */
  private nudged = false;
  private backingOff = false;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fanOut: EventFanOut,
    private readonly jobs: JobQueue,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.RELAY_ENABLED) return;
    this.running = true;
    // A domain event in this process means a new outbox row: look at once instead of at the next poll.
    this.events.onAny(this.nudge);
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.events.offAny(this.nudge);
    this.nudge();
    await this.loop;
  }

  /** Relays one batch; returns how many events it moved. */
  async relayBatch(): Promise<number> {
    const postgres = this.dataSource.options.type === 'postgres';
    return this.transactions.run(async (manager) => {
      const rows = postgres ? await this.claimAndMark(manager) : await this.claim(manager);
      if (rows.length === 0) return 0;
      const jobs = rows.flatMap((row) => this.fanOut.jobsFor(row.payload));
      await withTimeout(this.jobs.enqueue(jobs), ENQUEUE_TIMEOUT_MS, 'enqueueing outbox events');
      if (!postgres) {
        await manager.update(
          OutboxEvent,
          { id: In(rows.map((row) => row.id)), publishedAt: IsNull() },
          { publishedAt: new Date() },
        );
      }
      return rows.length;
    });
  }

  /** The oldest unpublished rows (SQLite: its single connection already excludes other relays). */
  private claim(manager: EntityManager): Promise<Pick<OutboxEvent, 'id' | 'payload'>[]> {
    return manager
      .getRepository(OutboxEvent)
      .createQueryBuilder('o')
      .where('o.published_at IS NULL')
      .orderBy('o.created_at', 'ASC')
      .take(this.config.env.RELAY_BATCH_SIZE)
      .getMany();
  }

  /**
   * PostgreSQL: claims the oldest unpublished rows (skipping those another relay holds) and marks
   * them in one statement instead of a select and an update. The mark is part of the transaction,
   * which commits only after the jobs are in Redis, so a failed enqueue leaves the rows unpublished.
   */
  private async claimAndMark(
    manager: EntityManager,
  ): Promise<Pick<OutboxEvent, 'id' | 'payload'>[]> {
    // An UPDATE answers [rows, affected count].
    const [rows] = await manager.query<
      [{ id: string; payload: RequestEvent; created_at: Date }[], number]
    >(
      `UPDATE outbox_events SET published_at = $1
       WHERE id IN (SELECT id FROM outbox_events WHERE published_at IS NULL
                    ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, payload, created_at`,
      [new Date(), this.config.env.RELAY_BATCH_SIZE],
    );
    // RETURNING has no order: put the jobs back in the order the events happened.
    return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  }

  /** Wakes the relay for new events, except while it backs off from a failure; always at shutdown. */
  private readonly nudge = (): void => {
    this.nudged = true;
    if (!this.backingOff || !this.running) this.wake?.();
  };

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let moved = 0;
      this.nudged = false;
      try {
        moved = await this.relayBatch();
        failures = 0;
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0)
          this.logger.warn(`outbox relay waits: ${(error as Error).message}`);
      }
      if (moved < this.config.env.RELAY_BATCH_SIZE) await this.pause(failures);
    }
  }

  /** Sleeps the poll interval (longer after failures), or less if something nudges the relay. */
  private pause(failures: number): Promise<void> {
    this.backingOff = failures > 0;
    if (!this.backingOff && this.nudged) return Promise.resolve();
    const ms =
      failures === 0
        ? this.config.env.RELAY_POLL_MS
        : Math.min(MAX_BACKOFF_MS, this.config.env.RELAY_POLL_MS * 2 ** failures);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
