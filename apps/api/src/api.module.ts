import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Catalog, CatalogModule } from '@app/catalog';
import { AllExceptionsFilter, AppConfig, CoreModule } from '@app/core';
import { NotificationsModule, NotificationsWorkerModule } from '@app/notifications';
import { CatalogController } from './catalog/catalog.controller';
import { HealthModule } from './health/health.module';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsModule } from './metrics/metrics.module';

export interface ApiOptions {
  config: AppConfig;
  catalog: Catalog;
  /** Also run the worker's processors in this process (the one-command quick start). */
  withWorker?: boolean;
}

/** The HTTP application: wiring only; the domain lives in the libs. */
@Module({})
export class ApiModule implements NestModule {
  static forRoot({ config, catalog, withWorker = false }: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        CatalogModule.forRoot(catalog),
        NotificationsModule,
        HealthModule,
        MetricsModule,
        ...(withWorker ? [NotificationsWorkerModule] : []),
      ],
      controllers: [CatalogController],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
