import {
  ApprovalDeadlineJob,
  APPROVAL_DEADLINE,
  DeadlineResult,
} from './jobs/approval-deadline.job';
import { ApprovalReminderJob, APPROVAL_REMINDER } from './jobs/approval-reminder.job';
import {
  DELIVER_WEBHOOK,
  DeliverWebhookJob,
  DeliverWebhookResult,
} from './jobs/deliver-webhook.job';
import {
  DISPATCH_WEBHOOKS,
  DispatchWebhooksJob,
  DispatchWebhooksResult,
} from './jobs/dispatch-webhooks.job';
import {
  DELEGATION_NOTICES,
  DelegationNoticesJob,
  DelegationNoticesResult,
} from './jobs/delegation-notices.job';
import { DIGEST_TICK, DigestTickJob, DigestTickResult } from './jobs/digest-tick.job';
import { JobDefinition } from './jobs/job-definition';
import {
  APPLY_CATALOG_CHANGE,
  ApplyCatalogChangeJob,
  ApplyCatalogChangeResult,
} from './jobs/apply-catalog-change.job';
import { PLAN_DIGEST, PlanDigestJob, PlanDigestResult } from './jobs/plan-digest.job';
import { PLAN_MAIL, PlanMailJob, PlanMailResult } from './jobs/plan-mail.job';
import { SEND_MAIL, SendMailJob, SendMailResult } from './jobs/send-mail.job';
import {
  SEND_SIGN_IN_LINK,
  SendSignInLinkJob,
  SendSignInLinkResult,
} from './jobs/send-sign-in-link.job';
import {
  SIGN_AUDIT_CHECKPOINTS,
  SignAuditCheckpointsJob,
  SignAuditCheckpointsResult,
} from './jobs/sign-audit-checkpoints.job';
import { JobName } from './queue-names';

/** Every job the engine runs: its name, its payload, and what its processor answers. */
interface JobTypes {
  [JobName.PlanMail]: { data: PlanMailJob; result: PlanMailResult };
  [JobName.SendMail]: { data: SendMailJob; result: SendMailResult };
  [JobName.DispatchWebhooks]: { data: DispatchWebhooksJob; result: DispatchWebhooksResult };
  [JobName.DeliverWebhook]: { data: DeliverWebhookJob; result: DeliverWebhookResult };
  [JobName.ApprovalReminder]: { data: ApprovalReminderJob; result: DeadlineResult };
  [JobName.ApprovalDeadline]: { data: ApprovalDeadlineJob; result: DeadlineResult };
  [JobName.DigestTick]: { data: DigestTickJob; result: DigestTickResult };
  [JobName.PlanDigest]: { data: PlanDigestJob; result: PlanDigestResult };
  [JobName.SendSignInLink]: { data: SendSignInLinkJob; result: SendSignInLinkResult };
  [JobName.SignAuditCheckpoints]: {
    data: SignAuditCheckpointsJob;
    result: SignAuditCheckpointsResult;
  };
  [JobName.DelegationNotices]: { data: DelegationNoticesJob; result: DelegationNoticesResult };
  [JobName.ApplyCatalogChange]: { data: ApplyCatalogChangeJob; result: ApplyCatalogChangeResult };
}

export type JobData<Name extends JobName> = JobTypes[Name]['data'];
export type JobResult<Name extends JobName> = JobTypes[Name]['result'];

/** One job to enqueue; `runAt` delays it until then. */
export type JobItem = {
  [Name in JobName]: { name: Name; data: JobData<Name>; runAt?: Date };
}[JobName];

/** Each job's queue, retry policy and id rule. */
export const JOBS: { [Name in JobName]: JobDefinition<JobData<Name>> } = {
  [JobName.PlanMail]: PLAN_MAIL,
  [JobName.SendMail]: SEND_MAIL,
  [JobName.DispatchWebhooks]: DISPATCH_WEBHOOKS,
  [JobName.DeliverWebhook]: DELIVER_WEBHOOK,
  [JobName.ApprovalReminder]: APPROVAL_REMINDER,
  [JobName.ApprovalDeadline]: APPROVAL_DEADLINE,
  [JobName.DigestTick]: DIGEST_TICK,
  [JobName.PlanDigest]: PLAN_DIGEST,
  [JobName.SendSignInLink]: SEND_SIGN_IN_LINK,
  [JobName.SignAuditCheckpoints]: SIGN_AUDIT_CHECKPOINTS,
  [JobName.DelegationNotices]: DELEGATION_NOTICES,
  [JobName.ApplyCatalogChange]: APPLY_CATALOG_CHANGE,
};
