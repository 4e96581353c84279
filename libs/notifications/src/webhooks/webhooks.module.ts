import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PartiesModule } from '@app/parties';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookBreaker } from './webhook-breaker';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookPoster } from './webhook-poster';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSlots } from './webhook-slots';
import { WebhooksService } from './webhooks.service';

/** Managing webhook endpoints, and turning domain events into delivery jobs. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]),
    PartiesModule,
    AuditModule,
  ],
  providers: [
    WebhooksService,
    WebhookDispatcher,
    WebhookPoster,
    WebhookSlots,
    WebhookBreaker,
    WebhookSecrets,
  ],
  exports: [
    TypeOrmModule,
    WebhooksService,
    WebhookDispatcher,
    WebhookPoster,
    WebhookSlots,
    WebhookBreaker,
    WebhookSecrets,
  ],
})
export class WebhooksModule {}
