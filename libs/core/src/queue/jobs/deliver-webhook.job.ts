import { WebhookEvent } from '../../events/audit-checkpoint-event';
import { WEBHOOK_JOB_POLICY } from '../job-policies';
import { QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/**
 * POST one event to one endpoint. No URL and no secret: they are read from the database when the
 * job runs, so Redis never holds a secret and a deleted endpoint is never called.
 */
export interface DeliverWebhookJob {
  endpointId: string;
  /**
   * The endpoint's organization, whose share of POSTs in flight the job waits for before it reads
   * anything. Absent from jobs queued by earlier versions: those read it from the endpoint.
   */
  organizationId?: string;
  event: WebhookEvent;
}

export interface DeliverWebhookResult {
  endpointId: string;
  eventId: string;
  outcome: 'delivered' | 'skipped';
  /** The receiver's HTTP status, when it was called. */
  responseStatus: number | null;
  /** Why nothing was sent, when skipped. */
  reason?: string;
}

export const DELIVER_WEBHOOK: JobDefinition<DeliverWebhookJob> = {
  queue: QueueName.Webhooks,
  policy: WEBHOOK_JOB_POLICY,
  id: ({ event, endpointId }) => `${event.id}.${endpointId}`,
};
