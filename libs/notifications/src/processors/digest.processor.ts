import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  DigestTickResult,
  JobData,
  JobName,
  PlanDigestResult,
  QueueName,
  WORKER_LOCKS,
} from '@app/core';
import { DigestPlanner } from '../digest/digest-planner.service';

type DigestJob =
  | Job<JobData<JobName.DigestTick>, DigestTickResult, JobName.DigestTick>
  | Job<JobData<JobName.PlanDigest>, PlanDigestResult, JobName.PlanDigest>;

/**
 * The digests queue: the hourly tick queues the day's digests once their hour has come; each
 * `plan-digest` job records one user's digest of a day and queues its `send-mail` job.
 */
@Processor(QueueName.Digests, { concurrency: 4, ...WORKER_LOCKS })
export class DigestProcessor extends WorkerHost {
  constructor(private readonly digests: DigestPlanner) {
    super();
  }

  async process(job: DigestJob): Promise<DigestTickResult | PlanDigestResult> {
    if (job.name === JobName.DigestTick) {
      return this.digests.tick(job.data.at ? new Date(job.data.at) : new Date());
    }
    return this.digests.plan(job.data.userId, job.data.day);
  }
}
