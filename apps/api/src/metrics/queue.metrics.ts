import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QueueName, withTimeout } from '@app/core';
import { MetricsRegistry } from './metrics.registry';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Queue depth by queue and state, read from Redis by the background refresh (MetricsRefresher). */
@Injectable()
export class QueueMetrics {
  private readonly depth: Gauge<'queue' | 'state'>;
  private readonly queues: Queue[];

  constructor(
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Mail) mail: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
    @InjectQueue(QueueName.SignIn) signIn: Queue,
    metrics: MetricsRegistry,
  ) {
    this.queues = [notifications, mail, webhooks, signIn];
    this.depth = new Gauge({
      name: 'raci_queue_jobs',
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
    });
  }

  async refresh(): Promise<void> {
    await Promise.all(
      this.queues.map(async (queue) => {
        try {
          const counts = await withTimeout(queue.getJobCounts(...STATES), 1_000, 'queue counts');
          STATES.forEach((state) =>
            this.depth.set({ queue: queue.name, state }, counts[state] ?? 0),
          );
        } catch {
          // Redis is down: keep the last values; /health reports the outage.
        }
      }),
    );
  }
}
