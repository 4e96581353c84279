import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsRefresher } from './metrics-refresher';
import { MetricsRegistry } from './metrics.registry';
import { MetricsServer } from './metrics.server';
import { QueueMetrics } from './queue.metrics';
import { RequestMetrics } from './request.metrics';

/**
 * The engine's Prometheus metrics: HTTP latency measured by the API, gauges refreshed in the
 * background, all served by a listener of their own (see MetricsServer), not by the API.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    MetricsRegistry,
    QueueMetrics,
    RequestMetrics,
    MetricsRefresher,
    MetricsServer,
    HttpMetricsMiddleware,
  ],
  exports: [MetricsRegistry, HttpMetricsMiddleware, MetricsServer, MetricsRefresher],
})
export class MetricsModule {}
