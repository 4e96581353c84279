import { randomBytes } from 'node:crypto';

/** What a link of a message does: take one decision, or turn its holder's Informed mail off. */
export enum MailLinkKind {
  Decision = 'decision',
  Unsubscribe = 'unsubscribe',
}

/**
 * A link a stored message holds only by reference: its text, HTML and headers carry the slot's
 * placeholder, and the working URL (id and signature under `LINK_SECRET`) is computed from `id` only
 * as the message is sent, so no working link is kept in the database or in a queue.
 */
export interface MailLinkSlot {
  /** Random per message, so text people wrote can never name a slot it did not know of. */
  slot: string;
  kind: MailLinkKind;
  /** The decision link's id, or the user an unsubscribe link is for. */
  id: string;
}

/** The placeholders of slots, as a message holds them: `{{link:<16 hex digits>}}`. */
export const PLACEHOLDER = /\{\{link:([0-9a-f]{16})\}\}/g;

export function newSlot(kind: MailLinkKind, id: string): MailLinkSlot {
  return { slot: randomBytes(8).toString('hex'), kind, id };
}

/** Where a slot's working URL goes in a stored message. */
export function placeholderOf({ slot }: MailLinkSlot): string {
  return `{{link:${slot}}}`;
}
