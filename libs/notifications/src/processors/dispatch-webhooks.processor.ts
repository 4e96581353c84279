import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  DispatchWebhooksResult,
  JobData,
  JobName,
  JobQueue,
  QueueName,
  WORKER_LOCKS,
} from '@app/core';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';

/** Records a delivery of one event for each subscribed endpoint, and queues each delivery's POST. */
@Processor(QueueName.WebhookDispatch, { concurrency: 4, ...WORKER_LOCKS })
export class DispatchWebhooksProcessor extends WorkerHost {
  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly jobs: JobQueue,
  ) {
    super();
  }

  async process(
    job: Job<JobData<JobName.DispatchWebhooks>, DispatchWebhooksResult>,
  ): Promise<DispatchWebhooksResult> {
    const { event } = job.data;
    const { jobs, recorded } = await this.dispatcher.dispatch(event);
    // Queued even where the row existed: a crash between the two writes must not lose the job,
    // and the job's id makes a second add a no-op while the first job is kept.
    await this.jobs.enqueue(jobs);
    return { eventId: event.id, deliveries: recorded };
  }
}
