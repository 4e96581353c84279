import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartiesModule } from '@app/parties';
import { DelegationNoticeHandler } from './delegations/delegation-notice.handler';
import { DeadLettersService } from './deliveries/dead-letters.service';
import { DeliveryLedger } from './deliveries/delivery-ledger.service';
import { NotificationDelivery } from './deliveries/notification-delivery.entity';
import { DigestItem } from './digest/digest-item.entity';
import { DigestItems } from './digest/digest-items.service';
import { NotificationPreference } from './preferences/notification-preference.entity';
import { NotificationPreferences } from './preferences/notification-preferences.service';
import { UnsubscribeLinks } from './preferences/unsubscribe-links.service';

/**
 * What the API needs, and the worker builds on: the deliveries (for the dead-letter view), each
 * user's mail preferences and their unsubscribe links, and the news kept for daily digests.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationDelivery, NotificationPreference, DigestItem]),
    PartiesModule,
  ],
  providers: [
    DelegationNoticeHandler,
    DeliveryLedger,
    DeadLettersService,
    NotificationPreferences,
    UnsubscribeLinks,
    DigestItems,
  ],
  exports: [
    DeliveryLedger,
    DeadLettersService,
    NotificationPreferences,
    UnsubscribeLinks,
    DigestItems,
  ],
})
export class NotificationsModule {}
