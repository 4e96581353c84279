import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventFanOut } from './event-fan-out.service';

/** The event fan-out, for the process that relays the outbox. */
@Module({
  imports: [DiscoveryModule],
  providers: [EventFanOut],
  exports: [EventFanOut],
})
export class EventsModule {}
