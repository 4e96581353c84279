import { Locale } from '@app/parties';
import { Audience } from '../planning/audience';
import { RequestEventType } from '@app/core';

/** Everything a message may show about a request and the event that prompted it. */
export interface MessageContext {
  audience: Audience;
  eventType: RequestEventType;
  locale: Locale;
  requestId: string;
  actionKey: string;
  actionTitle: string;
  /** The provider's comment on the action, as the matrix writes it. */
  actionComment?: string;
  organizationName: string;
  state: string;
  /** When the approval is due, if a deadline applies. */
  dueAt?: Date | null;
  performer: string;
  via?: string;
  /** The reason or comment given with the event. */
  eventText: string | null;
  opinions: { party: string; opinion: string; comment: string | null }[];
  /** For an approver: single-use links that approve or reject, bound to them. */
  links?: { approve: string; reject: string; expiresAt: Date };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}
