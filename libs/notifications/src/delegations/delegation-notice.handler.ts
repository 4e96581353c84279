import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DelegationEventType, JobName, JobQueue, type DelegationEvent } from '@app/core';

/**
 * Turns a delegation set or ended into the jobs that tell its two people: one at its start and one
 * at its end, or one now when it is ended early. A job that cannot be queued is only late: the
 * minutely sweep gives every notice due.
 */
@Injectable()
export class DelegationNoticeHandler {
  private readonly logger = new Logger(DelegationNoticeHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  @OnEvent(DelegationEventType.Set, { promisify: true })
  async onSet({ delegationId, startsAt, endsAt }: DelegationEvent): Promise<void> {
    await this.queue(delegationId, [
      {
        name: JobName.DelegationNotices,
        data: { delegationId, moment: 'starts' },
        runAt: new Date(startsAt),
      },
      {
        name: JobName.DelegationNotices,
        data: { delegationId, moment: 'ends' },
        runAt: new Date(endsAt),
      },
    ]);
  }

  @OnEvent(DelegationEventType.Ended, { promisify: true })
  async onEnded({ delegationId }: DelegationEvent): Promise<void> {
    await this.queue(delegationId, [
      { name: JobName.DelegationNotices, data: { delegationId, moment: 'ended' } },
    ]);
  }

  private async queue(delegationId: string, items: Parameters<JobQueue['enqueue']>[0]) {
    try {
      await this.jobs.enqueue(items);
    } catch (error) {
      this.logger.warn(
        `delegation ${delegationId}: notice jobs not queued (${(error as Error).message}); the sweep will give them`,
      );
    }
  }
}
