import { DEADLINE_JOB_POLICY } from '../job-policies';
import { JobName, QueueName } from '../queue-names';
import { JobDefinition } from './job-definition';

/** Before a request's approval deadline: remind those who must still decide. */
export interface ApprovalReminderJob {
  requestId: string;
}

export const APPROVAL_REMINDER: JobDefinition<ApprovalReminderJob> = {
  queue: QueueName.Deadlines,
  policy: DEADLINE_JOB_POLICY,
  id: ({ requestId }) => `${requestId}.${JobName.ApprovalReminder}`,
};
