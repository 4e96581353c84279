import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DELEGATION_NOTICES_SCHEDULER, JobName, JobQueue } from '@app/core';

/** Every minute, the sweep that gives the delegation notices a lost job would have given. */
@Injectable()
export class DelegationNoticeScheduler implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(
      DELEGATION_NOTICES_SCHEDULER,
      { every: 60_000 },
      { name: JobName.DelegationNotices, data: { delegationId: null, moment: 'sweep' } },
    );
  }
}
