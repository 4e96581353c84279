/** Every BullMQ queue of the engine; each has one processor. */
export enum QueueName {
  /** Mail planning: who hears of an event, and what each is told. */
  Notifications = 'notifications',
  /** One message to one recipient per job. */
  Mail = 'mail',
  /** Webhook fan-out: one delivery for each endpoint that subscribed to an event. */
  WebhookDispatch = 'webhook-dispatch',
  /** One POST of one event to one endpoint per job. */
  Webhooks = 'webhooks',
  /** Delayed jobs at approval reminders and deadlines. */
  Deadlines = 'deadlines',
  /** The hourly digest tick, and one job per user and day that plans their daily digest. */
  Digests = 'digests',
  /**
   * Sign-in links: one mail per job, apart from the mail queue so a person waiting to sign in never
   * waits behind a burst of notifications.
   */
  SignIn = 'sign-in',
  /** The periodic run that signs the checkpoints of the audit logs. */
  AuditCheckpoints = 'audit-checkpoints',
  /** The notices of delegations that start and end. */
  Delegations = 'delegations',
  /** A decided change of the matrix: its draft version put in force, or discarded. */
  CatalogChanges = 'catalog-changes',
}

/** Every job of the engine; `jobs/` holds one file per job with its payload, result and id rule. */
export enum JobName {
  PlanMail = 'plan-mail',
  SendMail = 'send-mail',
  DispatchWebhooks = 'dispatch-webhooks',
  DeliverWebhook = 'deliver-webhook',
  ApprovalReminder = 'approval-reminder',
  ApprovalDeadline = 'approval-deadline',
  DigestTick = 'digest-tick',
  PlanDigest = 'plan-digest',
  SendSignInLink = 'send-sign-in-link',
  SignAuditCheckpoints = 'sign-audit-checkpoints',
  DelegationNotices = 'delegation-notices',
  ApplyCatalogChange = 'apply-catalog-change',
}
