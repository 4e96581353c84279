import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueName } from '@app/core';
import { DeadLettersService } from './deliveries/dead-letters.service';
import { DeliveryLedger } from './deliveries/delivery-ledger.service';
import { NotificationDelivery } from './deliveries/notification-delivery.entity';

const QUEUES = BullModule.registerQueue(
  { name: QueueName.Notifications },
  { name: QueueName.Mail },
  { name: QueueName.Webhooks },
  { name: QueueName.Deadlines },
);

/** What the API needs: the queues, and the deliveries for the dead-letter view. */
@Module({
  imports: [QUEUES, TypeOrmModule.forFeature([NotificationDelivery])],
  providers: [DeliveryLedger, DeadLettersService],
  exports: [QUEUES, TypeOrmModule, DeliveryLedger, DeadLettersService],
})
export class NotificationsModule {}
