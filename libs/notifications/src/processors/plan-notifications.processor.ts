import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobName, MAIL_JOB_POLICY, QueueName, WORKER_LOCKS } from '@app/core';
import { RequestEvent } from '@app/requests';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler.service';
import { DeliveryLedger } from '../deliveries/delivery-ledger.service';
import { NotificationPlanner, recipientKey } from '../planning/notification-planner.service';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';

export interface PlanResult {
  eventId: string;
  mails: number;
  webhooks: number;
  /** Reminder and deadline jobs scheduled. */
  deadlines: number;
}

/**
 * Fans one domain event out: a delivery row and a mail job per recipient, the webhook deliveries,
 * and, on submission, the approval deadline's jobs. Job ids come from the event and recipient, so a replayed event sends nothing twice.
 */
@Processor(QueueName.Notifications, { concurrency: 4, ...WORKER_LOCKS })
export class PlanNotificationsProcessor extends WorkerHost {
  constructor(
    private readonly planner: NotificationPlanner,
    private readonly ledger: DeliveryLedger,
    private readonly webhooks: WebhookDispatcher,
    private readonly deadlines: DeadlineScheduler,
    @InjectQueue(QueueName.Mail) private readonly mail: Queue,
  ) {
    super();
  }

  async process(job: Job<RequestEvent>): Promise<PlanResult> {
    const event = job.data;
    const planned = await this.planner.plan(event);
    const owed = await this.ledger.record(event, planned);
    await this.mail.addBulk(
      owed.map((delivery) => ({
        name: JobName.SendMail,
        data: { ...delivery.message, deliveryId: delivery.id },
        opts: { ...MAIL_JOB_POLICY, jobId: `${event.id}.${recipientKey(delivery.recipient)}` },
      })),
    );
    const webhooks = await this.webhooks.dispatch(event);
    const deadlines = await this.deadlines.schedule(event);
    return { eventId: event.id, mails: owed.length, webhooks, deadlines };
  }
}
