import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { QueueMetrics } from './queue.metrics';
import { RequestMetrics } from './request.metrics';
import { MetricsRegistry } from './metrics.registry';

/** Prometheus scrape endpoint (public, like /health). */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly queues: QueueMetrics,
    private readonly requests: RequestMetrics,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    await Promise.all([this.queues.refresh(), this.requests.refresh()]);
    return this.metrics.registry.metrics();
  }
}
