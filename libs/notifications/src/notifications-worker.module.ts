import { Module } from '@nestjs/common';
import { NotificationsTransportModule } from './notifications.module';
import { MailProcessor } from './processors/mail.processor';

/**
 * The processors of this context. They live beside the code they drive so that one process can
 * host both the API and the worker (`npm start`) without an app importing another.
 */
@Module({
  imports: [NotificationsTransportModule],
  providers: [MailProcessor],
})
export class NotificationsWorkerModule {}
