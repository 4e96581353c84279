import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  JobData,
  JobName,
  JobQueue,
  QueueName,
  SignAuditCheckpointsResult,
  WORKER_LOCKS,
} from '@app/core';
import { CheckpointWriter } from '../checkpoints/checkpoint-writer.service';

/**
 * The audit-checkpoints queue: each run signs the logs whose head moved, then queues the webhook
 * dispatch of every checkpoint not yet handed on (its own, and any a failed run left behind). A run
 * that fails is retried, and the next run catches up on whatever it could not do.
 */
@Processor(QueueName.AuditCheckpoints, { concurrency: 1, ...WORKER_LOCKS })
export class AuditCheckpointsProcessor extends WorkerHost {
  constructor(
    private readonly writer: CheckpointWriter,
    private readonly jobs: JobQueue,
  ) {
    super();
  }

  async process(
    job: Job<JobData<JobName.SignAuditCheckpoints>, SignAuditCheckpointsResult>,
  ): Promise<SignAuditCheckpointsResult> {
    const signed = await this.writer.signMoved(job.data.at ? new Date(job.data.at) : new Date());
    const { ids, jobs } = await this.writer.unpublished();
    // Queued before they are marked: a crash between the two queues them again, and the dispatch
    // job's id (the checkpoint's) makes that a no-op.
    await this.jobs.enqueue(jobs);
    await this.writer.markPublished(ids, new Date());
    return { signed, published: ids.length };
  }
}
