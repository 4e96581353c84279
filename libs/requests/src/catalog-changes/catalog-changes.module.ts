import { Module } from '@nestjs/common';
import { PartiesModule } from '@app/parties';
import { RequestsModule } from '../requests.module';
import { ProposeCatalogChangeService } from '../use-cases/propose-catalog-change.service';

/**
 * Changes of the matrix proposed as requests. It needs the stored catalog versions
 * (`CatalogVersionsModule`, global), so the processes that store them import it, beside
 * `RequestsModule`.
 */
@Module({
  imports: [RequestsModule, PartiesModule],
  providers: [ProposeCatalogChangeService],
  exports: [ProposeCatalogChangeService],
})
export class CatalogChangesModule {}
