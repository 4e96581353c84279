import { Letter } from '@app/catalog';
import { Role } from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { Acting, judge, PersonVerb, RequestParties } from './raci-policy';
import { WHO_ACTS } from './who-acts.table';

/** A delegation a person holds now: whose power it is, and the roles it carries. */
export interface HeldDelegation {
  delegatorId: string;
  roles: readonly Role[];
}

export type DelegatedJudgment =
  | { allowed: true; letter: Letter | null; onBehalfOf: string | null }
  | { allowed: false; refusal: Code };

/**
 * Whether the actor may do the verb, by their own roles or, for a delegable verb, on behalf of a
 * delegator whose delegation they hold: the table is asked as if the delegator acted (with the
 * roles the delegation carries), and four eyes holds for both of them. Their own power comes first.
 */
export function judgeWithDelegations(
  verb: PersonVerb,
  actor: Acting,
  request: RequestParties,
  held: readonly HeldDelegation[],
): DelegatedJudgment {
  const own = judge(verb, actor, request);
  if (own.allowed) return { ...own, onBehalfOf: null };
  const rule = WHO_ACTS[verb];
  if (!rule.delegable || actor.userId === null) return own;
  let refusal = own.refusal;
  for (const { delegatorId, roles } of held) {
    const as = judge(verb, { userId: delegatorId, party: actor.party, roles }, request);
    if (!as.allowed) {
      if (as.refusal === Code.FourEyes) refusal = Code.FourEyes;
      continue;
    }
    if (rule.fourEyes && actor.userId === request.submittedBy)
      return { allowed: false, refusal: Code.FourEyes };
    return { allowed: true, letter: as.letter, onBehalfOf: delegatorId };
  }
  return { allowed: false, refusal };
}

/** The letter the actor acts under and on whose behalf, or the 403 of the rule that refuses. */
export function authorizeWithDelegations(
  verb: PersonVerb,
  actor: Acting,
  request: RequestParties,
  held: readonly HeldDelegation[],
): { letter: Letter | null; onBehalfOf: string | null } {
  const judged = judgeWithDelegations(verb, actor, request, held);
  if (judged.allowed) return { letter: judged.letter, onBehalfOf: judged.onBehalfOf };
  throw new RequestsException(judged.refusal, {
    verb,
    accountable: request.accountable,
    performer: request.performer,
  });
}
