import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobsOptions, Queue } from 'bullmq';
import { JobItem, JOBS } from './job-item';
import { JobDefinition } from './jobs/job-definition';
import { QueueName } from './queue-names';

/**
 * The one way jobs are enqueued: each goes to its queue, with its policy and the id its payload
 * gives, so a job enqueued twice (a replay after a crash) runs once. One `addBulk` per queue.
 */
@Injectable()
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  async enqueue(items: readonly JobItem[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: string; data: unknown; opts: JobsOptions }[]>();
    const now = Date.now();
    for (const item of items) {
      // The union does not correlate `JOBS[name]` with `data`; JobItem guarantees they match.
      const definition = JOBS[item.name] as JobDefinition<typeof item.data>;
      const jobs = byQueue.get(definition.queue) ?? [];
      jobs.push({
        name: item.name,
        data: item.data,
        opts: {
          ...definition.policy,
          jobId: definition.id(item.data),
          ...(item.runAt ? { delay: Math.max(0, item.runAt.getTime() - now) } : {}),
        },
      });
      byQueue.set(definition.queue, jobs);
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => this.queue(queue).addBulk(jobs)));
  }

  /**
   * Creates, or updates, a BullMQ job scheduler that adds `item` (to its queue, with its policy) at
   * every time `every` gives: a cron pattern in a time zone, or a period in milliseconds. Every process may call it at start: the
   * scheduler's id makes one of them, and BullMQ adds one job per time however many processes run.
   * The jobs' ids are BullMQ's (one per time); `item.runAt` means nothing here.
   */
  async schedule(
    schedulerId: string,
    every: { pattern: string; tz: string } | { every: number },
    item: JobItem,
  ): Promise<void> {
    const definition = JOBS[item.name] as JobDefinition<typeof item.data>;
    await this.queue(definition.queue).upsertJobScheduler(schedulerId, every, {
      name: item.name,
      data: item.data,
      opts: { ...definition.policy },
    });
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
