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

const SERVICES = [
  WebhooksService,
  WebhookDispatcher,
  WebhookPoster,
  WebhookSlots,
  WebhookBreaker,
  WebhookSecrets,
];

/** Managing webhook endpoints, and turning domain events into delivery jobs. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]),
    PartiesModule,
    AuditModule,
  ],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class WebhooksModule {}
