import { Module } from '@nestjs/common';
import { LiveInboxPublisher } from './live-inbox.publisher';

/**
 * The publishing half of the live inbox, for the worker process: the changes it makes by itself
 * (a request that expires) reach the consoles through Redis like the API's. The API process has
 * the whole of `LiveInboxModule` instead.
 */
@Module({ providers: [LiveInboxPublisher] })
export class LiveInboxPublisherModule {}
