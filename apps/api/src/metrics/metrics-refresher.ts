import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { QueueMetrics } from './queue.metrics';
import { RequestMetrics } from './request.metrics';

/**
 * Refreshes the gauges read from the database and Redis every `METRICS_REFRESH_S` seconds, one
 * refresh at a time, so that however often and however many scrapers call, the database sees one
 * round of counts per period.
 */
@Injectable()
export class MetricsRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly queues: QueueMetrics,
    private readonly requests: RequestMetrics,
  ) {}

  /** The first round is awaited, so the first scrape already has figures (each round is bounded). */
  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.config.env.METRICS_REFRESH_S * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round of counts; a round still running is joined, never doubled. */
  refresh(): Promise<void> {
    this.running ??= Promise.all([this.queues.refresh(), this.requests.refresh()]).then(
      () => {
        this.running = null;
      },
      () => {
        this.running = null;
      },
    );
    return this.running;
  }
}
