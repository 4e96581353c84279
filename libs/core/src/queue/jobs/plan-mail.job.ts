import { RequestEvent } from '../../events/request-event';
import { PLAN_JOB_POLICY } from '../job-policies';
import { QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/** Decide who hears of an event by mail and what each is told; queue one message each. */
export interface PlanMailJob {
  event: RequestEvent;
}

export interface PlanMailResult {
  eventId: string;
  /** Messages queued (a replayed event queues only those not yet sent). */
  mails: number;
}

export const PLAN_MAIL: JobDefinition<PlanMailJob> = {
  queue: QueueName.Notifications,
  policy: PLAN_JOB_POLICY,
  id: ({ event }) => event.id,
};
