import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { Catalog, CatalogVersionsModule } from '@app/catalog';
import { AllExceptionsFilter, AppConfig, CoreModule } from '@app/core';
import {
  LiveInboxModule,
  NotificationsModule,
  NotificationsWorkerModule,
  WebhooksModule,
} from '@app/notifications';
import { AuditModule, AuditSealingModule, AuditWorkerModule } from '@app/audit';
import { PartiesModule } from '@app/parties';
import {
  CatalogChangesModule,
  CatalogChangesWorkerModule,
  RequestsModule,
  RequestsWorkerModule,
} from '@app/requests';
import { AdminEventsController } from './audit/admin-events.controller';
import { AuditCheckpointsController } from './audit/audit-checkpoints.controller';
import { AuditController } from './audit/audit.controller';
import { AuthGuard } from './auth/auth.guard';
import { BenchNoopController } from './bench/bench-noop.controller';
import { AuthModule } from './auth/auth.module';
import { SsoController } from './auth/sso/sso.controller';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogVersionsController } from './catalog/catalog-versions.controller';
import { DelegationsController } from './delegations/delegations.controller';
import { CatalogChangesController } from './catalog/catalog-changes.controller';
import { EmailActionsController } from './email-actions/email-actions.controller';
import { EmailLinkController } from './auth/email-link/email-link.controller';
import { AccountChoiceController } from './auth/account-choice/account-choice.controller';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { LinkHeaderInterceptor } from './http/link-header.interceptor';
import { LocationInterceptor } from './http/location.interceptor';
import { OwnWritesInterceptor } from './http/own-writes.interceptor';
import { HomeController } from './home/home.controller';
import { HttpEdgeMiddleware } from './http-edge/http-edge.middleware';
import { RouteTable } from './http-edge/route-table';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationPreferencesController } from './notifications/notification-preferences.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { UnsubscribeController } from './notifications/unsubscribe.controller';
import { MeController } from './parties/me.controller';
import { OrganizationsController } from './parties/organizations.controller';
import { TokensController } from './parties/tokens.controller';
import { UsersController } from './parties/users.controller';
import { InboxController } from './requests/inbox.controller';
import { InboxEventsController } from './requests/inbox-events.controller';
import { RequestTransitionsController } from './requests/request-transitions.controller';
import { RequestsController } from './requests/requests.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

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
        CatalogVersionsModule.forRoot(catalog),
        NotificationsModule,
        PartiesModule,
        RequestsModule,
        CatalogChangesModule,
        AuditModule,
        AuditSealingModule,
        AuthModule,
        DiscoveryModule,
        HealthModule,
        MetricsModule,
        WebhooksModule,
        LiveInboxModule,
        ...(withWorker
          ? [
              RequestsWorkerModule,
              CatalogChangesWorkerModule,
              NotificationsWorkerModule,
              AuditWorkerModule,
            ]
          : []),
      ],
      controllers: [
        HomeController,
        SsoController,
        CatalogController,
        CatalogVersionsController,
        CatalogChangesController,
        OrganizationsController,
        UsersController,
        TokensController,
        DelegationsController,
        MeController,
        NotificationPreferencesController,
        RequestsController,
        RequestTransitionsController,
        InboxController,
        InboxEventsController,
        AuditController,
        AdminEventsController,
        AuditCheckpointsController,
        NotificationsController,
        EmailActionsController,
        EmailLinkController,
        AccountChoiceController,
        UnsubscribeController,
        WebhooksController,
        ...(config.env.BENCH_NOOP_ROUTE ? [BenchNoopController] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        RouteTable,
        // Outermost first: a stored first response holds the Location set within.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: LocationInterceptor },
        { provide: APP_INTERCEPTOR, useClass: LinkHeaderInterceptor },
        ...(config.env.DATABASE_REPLICA_URL
          ? [{ provide: APP_INTERCEPTOR, useClass: OwnWritesInterceptor }]
          : []),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // After the logger's middleware (a global module's, mounted first): refusals are logged too.
    consumer.apply(HttpMetricsMiddleware, HttpEdgeMiddleware).forRoutes('*path');
  }
}
