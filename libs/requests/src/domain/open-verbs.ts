import { Party } from '@app/catalog';
import { RequestState } from '@app/core';
import { HeldDelegation, judgeWithDelegations } from './delegated-policy';
import { Acting, PersonVerb, RequestParties } from './raci-policy';
import { RequestVerb as V } from './request-state';
import { WHO_ACTS } from './who-acts.table';

/** The verbs a person does to an existing request, in the table's order. */
const PERSON_VERBS = (Object.keys(WHO_ACTS) as V[]).filter(
  (verb): verb is PersonVerb => verb !== V.Submit && verb !== V.Expire,
);

/** What the question needs of a request: its parties, its state, who has given an opinion. */
export type RequestStanding = RequestParties & {
  state: RequestState;
  /** The Consulted parties that have answered. */
  answered: readonly Party[];
};

/**
 * The verbs the actor may do to the request now, as the one table of who acts and the state
 * machine say: the table allows them, the request is in one of the verb's states and, for an
 * opinion, the actor's party has not given one yet. A decision may also be open to them through a
 * delegation they hold now. Only a person acts: a token without a user may do none.
 */
export function openVerbs(
  actor: Acting,
  request: RequestStanding,
  held: readonly HeldDelegation[] = [],
): PersonVerb[] {
  if (actor.userId === null) return [];
  return PERSON_VERBS.filter(
    (verb) =>
      WHO_ACTS[verb].from.includes(request.state) &&
      judgeWithDelegations(verb, actor, request, held).allowed &&
      !(verb === V.Opinion && request.answered.includes(actor.party)),
  );
}
