/** Every BullMQ queue of the engine. */
export enum QueueName {
  /** One job per domain event: decides who hears of it and fans out to mail and webhooks. */
  Notifications = 'notifications',
  Mail = 'mail',
  Webhooks = 'webhooks',
}

/** Every job name, by queue. */
export enum JobName {
  PlanNotifications = 'plan-notifications',
  SendMail = 'send-mail',
  DeliverWebhook = 'deliver-webhook',
}
