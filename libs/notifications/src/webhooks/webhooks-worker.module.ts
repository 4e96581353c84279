import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueName } from '@app/core';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookProcessor } from './webhook.processor';

/** What a worker process runs for webhooks: the delivery processor. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]),
    BullModule.registerQueue({ name: QueueName.Webhooks }),
  ],
  providers: [WebhookProcessor],
})
export class WebhooksWorkerModule {}
