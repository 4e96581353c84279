import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, DIGEST_TICK_SCHEDULER, JobName, JobQueue } from '@app/core';

/**
 * Makes sure the hourly digest tick is scheduled, on the hour of `DIGEST_TIMEZONE`: every worker
 * upserts the one job scheduler at start (which also follows a changed time zone), and BullMQ adds
 * one tick per hour however many workers run.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(
      DIGEST_TICK_SCHEDULER,
      { pattern: '0 * * * *', tz: this.config.env.DIGEST_TIMEZONE },
      { name: JobName.DigestTick, data: { at: null } },
    );
  }
}
