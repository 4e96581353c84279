import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, AUDIT_CHECKPOINTS_SCHEDULER, JobName, JobQueue } from '@app/core';

/**
 * Makes sure checkpoints are signed every `AUDIT_CHECKPOINT_MINUTES`: every worker upserts the one
 * job scheduler at start (which also follows a changed period), and BullMQ adds one run per period
 * however many workers run.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(
      AUDIT_CHECKPOINTS_SCHEDULER,
      { every: this.config.env.AUDIT_CHECKPOINT_MINUTES * 60_000 },
      { name: JobName.SignAuditCheckpoints, data: { at: null } },
    );
  }
}
