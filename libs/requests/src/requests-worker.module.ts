import { Module } from '@nestjs/common';
import { EventsModule } from '@app/core';
import { PartiesModule } from '@app/parties';
import { CatalogChangeHandler } from './catalog-changes/catalog-change.handler';
import { CatalogChangeProcessor } from './catalog-changes/catalog-change.processor';
import { DeadlineBackfill } from './deadlines/deadline-backfill.service';
import { DeadlineHandler } from './handlers/deadline.handler';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { DeadlineProcessor } from './processors/deadline.processor';
import { RequestsModule } from './requests.module';

/**
 * What a worker runs for the request lifecycle: the outbox relay with its event fan-out, and the
 * approval deadlines (scheduled on submission, then reminding, escalating or expiring), and the
 * decided changes of the matrix (their version put in force, or discarded).
 */
@Module({
  imports: [RequestsModule, PartiesModule, EventsModule],
  providers: [
    OutboxRelay,
    DeadlineHandler,
    DeadlineProcessor,
    DeadlineBackfill,
    CatalogChangeHandler,
    CatalogChangeProcessor,
  ],
})
export class RequestsWorkerModule {}
