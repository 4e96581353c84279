import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { Catalog } from '../catalog';
import { CatalogActivationService } from './catalog-activation.service';
import { CatalogVersion } from './catalog-version.entity';
import { CatalogVersionsAnnouncer } from './catalog-versions.announcer';
import { CatalogVersionsService } from './catalog-versions.service';
import { CatalogVersionsWatcher } from './catalog-versions.watcher';
import { DeploymentImportService } from './deployment-import.service';

/**
 * The catalog, versioned: `Catalog` is the one read from the matrix files, stored as a version when
 * they changed and then turned to the active stored version before anything else reads it.
 */
@Global()
@Module({})
export class CatalogVersionsModule {
  static forRoot(catalog: Catalog): DynamicModule {
    return {
      module: CatalogVersionsModule,
      imports: [TypeOrmModule.forFeature([CatalogVersion])],
      providers: [
        {
          provide: Catalog,
          inject: [DeploymentImportService, AppConfig],
          useFactory: (importer: DeploymentImportService, config: AppConfig) =>
            importer.start(catalog, config.env.RACI_DIR),
        },
        CatalogVersionsService,
        CatalogVersionsAnnouncer,
        CatalogActivationService,
        CatalogVersionsWatcher,
        DeploymentImportService,
      ],
      exports: [Catalog, CatalogVersionsService, CatalogActivationService],
    };
  }
}
