import { DynamicModule, Global, Module } from '@nestjs/common';
import { Catalog } from './catalog';

/** Provides the one catalog, loaded and validated before the application starts. */
@Global()
@Module({})
export class CatalogModule {
  static forRoot(catalog: Catalog): DynamicModule {
    return {
      module: CatalogModule,
      providers: [{ provide: Catalog, useValue: catalog }],
      exports: [Catalog],
    };
  }
}
