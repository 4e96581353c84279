import { Module } from '@nestjs/common';
import { EventsModule } from '@app/core';
import { PartiesModule } from '@app/parties';
import { DeadlineBackfill } from './deadlines/deadline-backfill.service';
import { DeadlineHandler } from './handlers/deadline.handler';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { DeadlineProcessor } from './processors/deadline.processor';
import { RequestsModule } from './requests.module';

/**
 * What a worker runs for the request lifecycle: the outbox relay with its event fan-out, and the
 * approval deadlines (scheduled on submission, then reminding, escalating or expiring). The
 * decided changes of the matrix are `CatalogChangesWorkerModule`'s, where versions are stored.
 */
@Module({
  imports: [RequestsModule, PartiesModule, EventsModule],
  providers: [OutboxRelay, DeadlineHandler, DeadlineProcessor, DeadlineBackfill],
})
export class RequestsWorkerModule {}
