import { DynamicModule, Module } from '@nestjs/common';
import { Catalog, CatalogModule } from '@app/catalog';
import { AppConfig, CoreModule } from '@app/core';
import { NotificationsWorkerModule } from '@app/notifications';

/** The worker process: BullMQ processors only, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, catalog: Catalog): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        CatalogModule.forRoot(catalog),
        NotificationsWorkerModule,
      ],
    };
  }
}
