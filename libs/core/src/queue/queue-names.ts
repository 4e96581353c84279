/** Every BullMQ queue of the engine. */
export enum QueueName {
  Mail = 'mail',
}

/** Every job name, by queue. */
export enum JobName {
  SendMail = 'send-mail',
}
