import { RequestState as S } from '@app/core';
import { Opinion } from '../entities/request-opinion.entity';
import { RequestVerb as V } from '../domain/request-state';
import { WHO_ACTS } from '../domain/who-acts.table';
import { LinkVerb } from './decision-link.entity';

/** What a link's verb does: the transition it asks for, and the opinion it gives. */
export interface LinkDecision {
  verb: V.Approve | V.Reject | V.Opinion;
  opinion?: Opinion;
}

export const LINK_DECISIONS: Readonly<Record<LinkVerb, LinkDecision>> = {
  approve: { verb: V.Approve },
  reject: { verb: V.Reject },
  agree: { verb: V.Opinion, opinion: Opinion.Agree },
  disagree: { verb: V.Opinion, opinion: Opinion.Disagree },
};

/**
 * The state a link is made for: the one its mail asks a decision in. Approve and reject links come
 * with "Approval needed", agree and disagree with "Your opinion is requested".
 */
const LINK_STATE: Readonly<Record<LinkVerb, S>> = {
  approve: S.PendingApproval,
  reject: S.PendingApproval,
  agree: S.PendingConsultation,
  disagree: S.PendingConsultation,
};

/** The state a link applies in; the table of who acts must allow its verb there. */
export function linkStateOf(verb: LinkVerb): S {
  const state = LINK_STATE[verb];
  if (!WHO_ACTS[LINK_DECISIONS[verb].verb].from.includes(state))
    throw new Error(`a ${verb} link cannot apply in ${state}: the table of who acts forbids it`);
  return state;
}

/** The pair of links a message asks a decision with, by the state it asks in. */
export const LINK_PAIRS = {
  approval: ['approve', 'reject'],
  opinion: ['agree', 'disagree'],
} as const satisfies Record<string, readonly [LinkVerb, LinkVerb]>;
