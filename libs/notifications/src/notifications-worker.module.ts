import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization, PartiesModule, User } from '@app/parties';
import { OutboxEvent, Request, RequestOpinion, RequestsModule } from '@app/requests';
import { DeadlineProcessor } from './deadlines/deadline.processor';
import { DeadlineScheduler } from './deadlines/deadline-scheduler.service';
import { EmailActionsModule } from './email-actions/email-actions.module';
import { MailTransport } from './mail/mail-transport';
import { NotificationsModule } from './notifications.module';
import { NotificationPlanner } from './planning/notification-planner.service';
import { RecipientDirectory } from './planning/recipient-directory';
import { MailProcessor } from './processors/mail.processor';
import { PlanNotificationsProcessor } from './processors/plan-notifications.processor';
import { OutboxRelay } from './relay/outbox-relay.service';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';

/**
 * What a worker runs: the outbox relay and the processors. They live beside the code they drive so
 * that one process can host both the API and the worker (`npm start`) without an app importing another.
 */
@Module({
  imports: [
    NotificationsModule,
    EmailActionsModule,
    RequestsModule,
    PartiesModule,
    WebhooksModule,
    WebhooksWorkerModule,
    TypeOrmModule.forFeature([OutboxEvent, Request, RequestOpinion, Organization, User]),
  ],
  providers: [
    MailTransport,
    OutboxRelay,
    NotificationPlanner,
    RecipientDirectory,
    PlanNotificationsProcessor,
    DeadlineScheduler,
    DeadlineProcessor,
    MailProcessor,
  ],
})
export class NotificationsWorkerModule {}
