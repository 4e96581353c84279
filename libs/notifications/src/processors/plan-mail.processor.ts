import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobData, JobName, JobQueue, PlanMailResult, QueueName, WORKER_LOCKS } from '@app/core';
import { DeliveryLedger } from '../deliveries/delivery-ledger.service';
import { NotificationPlanner } from '../planning/notification-planner.service';

/**
 * Plans the mail of one event: a delivery row and a send job per recipient. A replayed event sends
 * nothing twice: the rows are unique per event and recipient, and their ids are the jobs' ids.
 */
@Processor(QueueName.Notifications, { concurrency: 4, ...WORKER_LOCKS })
export class PlanMailProcessor extends WorkerHost {
  constructor(
    private readonly planner: NotificationPlanner,
    private readonly ledger: DeliveryLedger,
    private readonly jobs: JobQueue,
  ) {
    super();
  }

  async process(job: Job<JobData<JobName.PlanMail>, PlanMailResult>): Promise<PlanMailResult> {
    const { event } = job.data;
    const owed = await this.ledger.record(event, await this.planner.plan(event));
    await this.jobs.enqueue(
      owed.map(({ id }) => ({ name: JobName.SendMail, data: { deliveryId: id, retry: 0 } })),
    );
    return { eventId: event.id, mails: owed.length };
  }
}
