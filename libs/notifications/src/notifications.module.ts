import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadLettersService } from './deliveries/dead-letters.service';
import { DeliveryLedger } from './deliveries/delivery-ledger.service';
import { NotificationDelivery } from './deliveries/notification-delivery.entity';

/** What the API needs: the deliveries, for the dead-letter view. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationDelivery])],
  providers: [DeliveryLedger, DeadLettersService],
  exports: [DeliveryLedger, DeadLettersService],
})
export class NotificationsModule {}
