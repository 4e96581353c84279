/** Every BullMQ queue of the engine. */
export enum QueueName {
  /** One job per domain event: decides who hears of it and fans out to mail and webhooks. */
  Notifications = 'notifications',
  Mail = 'mail',
  Webhooks = 'webhooks',
  /** Delayed jobs at approval reminders and deadlines. */
  Deadlines = 'deadlines',
}

/** Every job name, by queue. */
export enum JobName {
  PlanNotifications = 'plan-notifications',
  SendMail = 'send-mail',
  DeliverWebhook = 'deliver-webhook',
  ApprovalReminder = 'approval-reminder',
  ApprovalDeadline = 'approval-deadline',
}
