import { DEADLINE_JOB_POLICY } from '../job-policies';
import { JobName, QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/** At a request's approval deadline: expire it where the catalog says so, or else escalate. */
export interface ApprovalDeadlineJob {
  requestId: string;
}

export interface DeadlineResult {
  requestId: string;
  outcome: 'decided-in-time' | 'reminded' | 'escalated' | 'expired';
}

export const APPROVAL_DEADLINE: JobDefinition<ApprovalDeadlineJob> = {
  queue: QueueName.Deadlines,
  policy: DEADLINE_JOB_POLICY,
  id: ({ requestId }) => `${requestId}.${JobName.ApprovalDeadline}`,
};
