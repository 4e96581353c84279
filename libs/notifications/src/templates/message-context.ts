import { RequestEventType, RequestState, StuckDecision } from '@app/core';
import { Locale } from '@app/parties';
import type { LinkVerb, Wait } from '@app/requests';
import { Audience } from '../planning/audience';

/** One party the request waits on: who may act for it, what for, and by when. */
export interface WaitingLine {
  party: string;
  roles: string[];
  reason: Wait;
  dueAt: Date | null;
}

/** A public comment on the request, as mail shows it. */
export interface MailComment {
  author: string;
  party: string;
  body: string;
  at: Date;
}

/**
 * Everything a message may show about a request and the event that prompted it. Texts of the
 * catalog (title, comment, labels of parameters) come in the recipient's language; what people
 * wrote (parameters, comments, results) comes as they wrote it, and the renderer fences it: on one
 * line where it is a value, else quoted under its author's name after the engine's own links.
 */
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
  submitter: { name: string; email: string };
  /** The request's parameters, each labelled by its JSON Schema `title` or `description`. */
  params: { label: string; value: string }[];
  state: RequestState;
  /** When the decision is due; none once the request no longer waits for one. */
  dueAt?: Date | null;
  /** Who must act next, and by when; empty once the request is finished. */
  waitingOn: WaitingLine[];
  performer: string;
  via?: string;
  /** What the submitter wrote with the request. */
  submitterComment: string | null;
  /** The reason or comment given with the event, or the engine's own note. */
  eventText: string | null;
  /** Who gave the event's reason, comment or result, by name; none for the engine's own events. */
  eventActor?: string | null;
  /** On an escalation of a request nobody left can decide: who to add, said in the locale's words. */
  stuck?: StuckDecision[];
  /** The Consulted parties' opinions, each with who gave it and when. */
  opinions: {
    party: string;
    opinion: string;
    comment: string | null;
    author: string;
    at?: Date;
  }[];
  /** The result of the work ("completed" and "failed" messages). */
  result?: string | Record<string, unknown> | null;
  /** Every public comment ("completed" and "failed" messages); internal ones never. */
  comments?: MailComment[];
  /** Where to view the request. */
  viewUrl: string;
  /** For a user Informed at once: where to unsubscribe, offered with the engine's other links. */
  unsubscribeUrl?: string;
  /** For those asked a decision: single-use links, bound to them, each taking one decision. */
  links?: { verbs: { verb: LinkVerb; url: string }[]; expiresAt: Date };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}
