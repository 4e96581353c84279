import type { MailLinkSlot } from './mail-link-slot';

/** A message ready to send: what a mail job carries. */
export interface MailMessage {
  /** Stable id, also the Message-ID, so a resent job is recognizable as the same message. */
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** What the message is about, in a word (`approval-needed`, `request-completed`, …): names its `.eml` file. */
  topic?: string;
  /** Extra headers: the one-click unsubscribe of Informed mail (`List-Unsubscribe`, …). */
  headers?: Record<string, string>;
  /**
   * The links the message holds by reference: its text, HTML and headers carry their placeholders,
   * and the working URLs are filled in only as it is sent (see `LiveLinks`).
   */
  links?: MailLinkSlot[];
}

/** What the transport says of one delivery. */
export interface MailDelivery {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** Where the message went: the SMTP server's answer, or the .eml file written. */
  response: string;
}
