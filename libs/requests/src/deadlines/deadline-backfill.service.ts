import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Catalog } from '@app/catalog';
import { AWAITING_DECISION, JobItem, JobQueue, RequestEventType } from '@app/core';
import { Request } from '../entities/request.entity';
import { DeadlineHandler } from '../handlers/deadline.handler';
import { ApprovalDeadlines } from './approval-deadlines';
import { engineEvent } from './engine-event';

/**
 * Requests submitted before every waiting request had a due date (self-service ones waited without
 * one): at a worker's start, each still waiting gets its due date from now, and its reminder and
 * deadline jobs, so that none waits forever. The update is guarded (`due_at IS NULL`) and the jobs'
 * ids are the request's, so workers starting together backfill each request once.
 */
@Injectable()
export class DeadlineBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineBackfill.name);

  constructor(
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    private readonly catalog: Catalog,
    private readonly deadlines: ApprovalDeadlines,
    private readonly handler: DeadlineHandler,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.run().catch((error: Error) => this.logger.error(`deadline backfill: ${error.message}`));
  }

  /** Gives the waiting requests without a due date one; returns their ids. */
  async run(now = new Date()): Promise<string[]> {
    const undated = await this.requests.findBy({
      state: In([...AWAITING_DECISION]),
      dueAt: IsNull(),
    });
    const items: JobItem[] = [];
    const dated: string[] = [];
    for (const request of undated) {
      const action = (await this.catalog.at(request.catalogVersion)).action(request.action);
      if (!action) continue;
      const dueAt = this.deadlines.dueAt(action, now);
      const updated = await this.requests.update({ id: request.id, dueAt: IsNull() }, { dueAt });
      if (!updated.affected) continue;
      const event = engineEvent({ ...request, dueAt }, RequestEventType.Submitted);
      items.push(...this.handler.schedule({ ...event, type: RequestEventType.Submitted }));
      dated.push(request.id);
    }
    await this.jobs.enqueue(items);
    return dated;
  }
}
