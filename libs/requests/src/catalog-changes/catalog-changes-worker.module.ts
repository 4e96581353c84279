import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests.module';
import { CatalogChangeHandler } from './catalog-change.handler';
import { CatalogChangeProcessor } from './catalog-change.processor';

/**
 * What a worker runs for decided changes of the matrix: the listener that turns a decision into a
 * job, and the processor that activates or discards the draft version. It needs the stored catalog
 * versions (`CatalogVersionsModule`, global).
 */
@Module({
  imports: [RequestsModule],
  providers: [CatalogChangeHandler, CatalogChangeProcessor],
})
export class CatalogChangesWorkerModule {}
