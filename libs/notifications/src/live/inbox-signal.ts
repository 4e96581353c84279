import { RequestEvent, RequestEventType } from '@app/core';

/**
 * What goes through Redis when a request changes in a way that can add to or remove from inboxes:
 * which request, which event, and whose it is (its customer organization). Nothing more: a client
 * told of it reads its inbox again, through the API and its tenant checks.
 */
export interface InboxSignal {
  requestId: string;
  event: RequestEventType;
  organizationId: string;
}

/** Who listens: the organization a signed-in person or token speaks for, and whether it is the provider. */
export interface InboxListener {
  organizationId: string;
  provider: boolean;
}

/** The pub/sub channel of one deployment, under its key prefix like every other Redis name. */
export function inboxChannel(prefix: string): string {
  return `${prefix}:inbox-events`;
}

/** The signal of an event, as it is published. */
export function signalOf(event: RequestEvent): InboxSignal {
  return { requestId: event.requestId, event: event.type, organizationId: event.organizationId };
}

/**
 * Whether a listener may hear of a signal: the provider is a party to every request, a customer
 * only to its own (the tenancy rule of every read).
 */
export function reaches(signal: InboxSignal, listener: InboxListener): boolean {
  return listener.provider || signal.organizationId === listener.organizationId;
}

/** A published message read back, or null when it is not a signal (a stray publish on the channel). */
export function parseSignal(message: string): InboxSignal | null {
  try {
    const value = JSON.parse(message) as Partial<InboxSignal>;
    return typeof value.requestId === 'string' &&
      typeof value.event === 'string' &&
      typeof value.organizationId === 'string'
      ? { requestId: value.requestId, event: value.event, organizationId: value.organizationId }
      : null;
  } catch {
    return null;
  }
}
