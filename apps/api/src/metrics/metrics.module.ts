import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { QueueMetrics } from './queue.metrics';
import { RequestMetrics } from './request.metrics';

@Module({
  imports: [NotificationsModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, QueueMetrics, RequestMetrics, HttpMetricsMiddleware],
  exports: [MetricsRegistry, HttpMetricsMiddleware],
})
export class MetricsModule {}
