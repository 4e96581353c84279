import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { MailTransport } from './mail/mail-transport';

/** What producers need: the mail queue. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Mail })],
  exports: [BullModule],
})
export class NotificationsModule {}

/** What a worker process runs: the mail transport and its processor. */
@Module({
  imports: [NotificationsModule],
  providers: [MailTransport],
  exports: [MailTransport],
})
export class NotificationsTransportModule {}
