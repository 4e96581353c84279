import type { RequestEvent } from '@app/requests';

/**
 * What a delivery job carries: no URL and no secret, which are read from the database when the job
 * runs, so Redis never holds a secret and a deleted endpoint is never called.
 */
export interface WebhookJob {
  endpointId: string;
  event: RequestEvent;
}

/** What a delivery job ends with. */
export interface WebhookJobResult {
  endpointId: string;
  eventId: string;
  outcome: 'delivered' | 'skipped';
  /** The receiver's HTTP status, when it was called. */
  responseStatus: number | null;
  /** Why nothing was sent, when skipped. */
  reason?: string;
}

/**
 * One job per event and endpoint, whatever the number of times the event is dispatched: BullMQ
 * ignores a job whose id it already holds.
 */
export function webhookJobId(eventId: string, endpointId: string): string {
  return `${eventId}.${endpointId}`;
}
