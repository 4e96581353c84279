import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PartiesModule } from '@app/parties';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhooksService } from './webhooks.service';

/** Managing webhook endpoints, and turning domain events into delivery jobs. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]),
    PartiesModule,
    AuditModule,
  ],
  providers: [WebhooksService, WebhookDispatcher],
  exports: [TypeOrmModule, WebhooksService, WebhookDispatcher],
})
export class WebhooksModule {}
