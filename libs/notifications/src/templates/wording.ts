import { RequestEventType as E, RequestState } from '@app/core';
import { Locale } from '@app/parties';
import type { LinkVerb, Wait } from '@app/requests';
import { Audience } from '../planning/audience';
import { WORDING_EN } from './wording.en';
import { WORDING_FR } from './wording.fr';

/** The words of every message, per locale. The provider and many customers work in French. */
export interface Wording {
  asks: Record<Exclude<Audience, Audience.Informed>, string>;
  informed: Partial<Record<E, string>>;
  labels: {
    reminder: string;
    opinionReminder: string;
    dueAt: string;
    action: string;
    organization: string;
    submittedBy: string;
    state: string;
    performedBy: string;
    via: string;
    parameters: string;
    next: string;
    nobody: string;
    by: string;
    /** Over what a person wrote: `Comment from <name>`. */
    commentFrom: string;
    note: string;
    result: string;
    /** Over a result given by a person: `Result from <name>`. */
    resultFrom: string;
    opinions: string;
    about: string;
    request: string;
    view: string;
    footer: string;
    linksNote: string;
  };
  /** The buttons of decision links. */
  verbs: Record<LinkVerb, string>;
  /** Each state, in words. */
  states: Record<RequestState, string>;
  /** What a party waited on must do. */
  waits: Record<Wait, string>;
  /** Who may act for a party, by role. */
  roles: Record<string, string>;
  /** Who a request waits on: `{roles}` of a party. */
  whoWaits: Record<string, string>;
  or: string;
  parties: Record<string, string>;
  /** A Consulted party's answer. */
  opinions: Record<string, string>;
  /**
   * Why an escalated request can no longer move (`{fixes}`: one `approve` or `opinion` line per
   * decision nobody is left to take, with `{party}`, `{roles}` and `{organization}`).
   */
  stuck: { note: string; approve: string; opinion: string; roleOr: string };
  /** The notes the engine writes itself, by their English text, as this language says them. */
  systemNotes: Record<string, string>;
}

export const WORDING: Record<Locale, Wording> = {
  [Locale.En]: WORDING_EN,
  [Locale.Fr]: WORDING_FR,
};
