import { DynamicModule, Module } from '@nestjs/common';
import { AuditWorkerModule } from '@app/audit';
import { Catalog, CatalogVersionsModule } from '@app/catalog';
import { AppConfig, CoreModule } from '@app/core';
import { LiveInboxPublisherModule, NotificationsWorkerModule } from '@app/notifications';
import { CatalogChangesWorkerModule, RequestsWorkerModule } from '@app/requests';

/** The worker process: the outbox relay and the BullMQ processors, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, catalog: Catalog): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        CatalogVersionsModule.forRoot(catalog),
        RequestsWorkerModule,
        CatalogChangesWorkerModule,
        NotificationsWorkerModule,
        AuditWorkerModule,
        LiveInboxPublisherModule,
      ],
    };
  }
}
