import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DelegationNoticesResult, JobData, JobName, QueueName, WORKER_LOCKS } from '@app/core';
import { DelegationNotices } from '../delegations/delegation-notices.service';

/**
 * Gives every delegation notice due, whichever delegation the job was queued for: a notice is
 * given once however many jobs run for it.
 */
@Processor(QueueName.Delegations, { concurrency: 1, ...WORKER_LOCKS })
export class DelegationNoticesProcessor extends WorkerHost {
  constructor(private readonly notices: DelegationNotices) {
    super();
  }

  async process(
    _job: Job<JobData<JobName.DelegationNotices>, DelegationNoticesResult>,
  ): Promise<DelegationNoticesResult> {
    return { notices: await this.notices.giveDue() };
  }
}
