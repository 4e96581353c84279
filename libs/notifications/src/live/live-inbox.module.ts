import { Module } from '@nestjs/common';
import { LiveInboxHub } from './live-inbox.hub';
import { LiveInboxPublisher } from './live-inbox.publisher';

/**
 * Live inbox updates: request events of this process published to Redis, and every process's
 * streams told of them. For the API processes; the console's streams are theirs.
 */
@Module({
  providers: [LiveInboxPublisher, LiveInboxHub],
  exports: [LiveInboxHub],
})
export class LiveInboxModule {}
