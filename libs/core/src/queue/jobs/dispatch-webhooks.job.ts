import { WebhookEvent } from '../../events/audit-checkpoint-event';
import { PLAN_JOB_POLICY } from '../job-policies';
import { QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/** Record a delivery of an event for each webhook endpoint that subscribed to it. */
export interface DispatchWebhooksJob {
  event: WebhookEvent;
}

export interface DispatchWebhooksResult {
  eventId: string;
  /** Deliveries queued for the first time. */
  deliveries: number;
}

export const DISPATCH_WEBHOOKS: JobDefinition<DispatchWebhooksJob> = {
  queue: QueueName.WebhookDispatch,
  policy: PLAN_JOB_POLICY,
  id: ({ event }) => event.id,
};
