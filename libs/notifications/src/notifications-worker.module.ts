import { Module } from '@nestjs/common';
import { PartiesModule } from '@app/parties';
import { RequestsModule } from '@app/requests';
import { DelegationNoticeScheduler } from './delegations/delegation-notice-scheduler.service';
import { DelegationNotices } from './delegations/delegation-notices.service';
import { DelegationNoticesProcessor } from './processors/delegation-notices.processor';
import { DigestPlanner } from './digest/digest-planner.service';
import { DigestScheduler } from './digest/digest-scheduler.service';
import { MailHandler } from './handlers/mail.handler';
import { WebhookHandler } from './handlers/webhook.handler';
import { LiveLinks } from './mail/live-links.service';
import { MailTransport } from './mail/mail-transport';
import { NotificationsModule } from './notifications.module';
import { NotificationPlanner } from './planning/notification-planner.service';
import { RecipientDirectory } from './planning/recipient-directory';
import { DeliverWebhookProcessor } from './processors/deliver-webhook.processor';
import { DigestProcessor } from './processors/digest.processor';
import { DispatchWebhooksProcessor } from './processors/dispatch-webhooks.processor';
import { PlanMailProcessor } from './processors/plan-mail.processor';
import { SendMailProcessor } from './processors/send-mail.processor';
import { SendSignInLinkProcessor } from './processors/send-sign-in-link.processor';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * What a worker runs to tell people: the handlers that turn events into mail and webhook jobs, the
 * processors of those jobs, and the hourly digest tick. It reads events and request views; it never
 * changes a request.
 */
@Module({
  imports: [NotificationsModule, WebhooksModule, RequestsModule, PartiesModule],
  providers: [
    MailHandler,
    WebhookHandler,
    MailTransport,
    LiveLinks,
    NotificationPlanner,
    RecipientDirectory,
    PlanMailProcessor,
    SendMailProcessor,
    SendSignInLinkProcessor,
    DispatchWebhooksProcessor,
    DeliverWebhookProcessor,
    DigestPlanner,
    DigestScheduler,
    DigestProcessor,
    DelegationNotices,
    DelegationNoticesProcessor,
    DelegationNoticeScheduler,
  ],
})
export class NotificationsWorkerModule {}
