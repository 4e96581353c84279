import { Letter, Party, RaciLetters } from '@app/catalog';
import { Principal } from '@app/parties';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb } from './request-state';
import { Actor, Standing, WHO_ACTS } from './who-acts.table';

export type Acting = Pick<Principal, 'userId' | 'party' | 'roles'>;
/** What the policy reads of a request: its parties, and the action's letters from the catalog. */
export type RequestParties = Pick<
  Request,
  'accountable' | 'consulted' | 'responsible' | 'performer' | 'submittedBy'
> & {
  /** Every letter of the action: a request routes to one Responsible party, but both may hold R. */
  letters: RaciLetters;
};
/** Verbs a person does to an existing request. */
export type PersonVerb = Exclude<RequestVerb, RequestVerb.Submit | RequestVerb.Expire>;

/** The parties a standing names on a request (`submitter` and `anyone` name no party in particular). */
export function partiesOf(standing: Standing, request: RequestParties): readonly Party[] | 'any' {
  switch (standing) {
    case 'accountable':
      return [request.accountable];
    case 'consulted':
      return request.consulted;
    case 'performer':
      return [request.performer];
    case 'lettered':
      return (Object.keys(request.letters) as Party[]).filter(
        (party) => request.letters[party].length > 0 || party === request.performer,
      );
    case 'submitter':
    case 'anyone':
      return 'any';
  }
}

/** Whether the actor holds this standing on the request, with one of its roles. */
function holds(actor: Acting, { standing, roles }: Actor, request: RequestParties): boolean {
  if (roles && !roles.some((role) => actor.roles.includes(role))) return false;
  if (standing === 'submitter')
    return actor.userId !== null && actor.userId === request.submittedBy;
  const parties = partiesOf(standing, request);
  return parties === 'any' || parties.includes(actor.party);
}

/** The letter an actor acts under, by the standing that allowed them. */
function letterOf(standing: Standing, actor: Acting, request: RequestParties): Letter | null {
  switch (standing) {
    case 'accountable':
      return 'A';
    case 'consulted':
      return 'C';
    case 'performer':
      return request.responsible === actor.party ? 'R' : null;
    case 'lettered':
      return request.letters[actor.party][0] ?? null;
    case 'submitter':
    case 'anyone':
      return null;
  }
}

/**
 * Whether the actor may do the verb to the request, as the one table of who acts says. Returns the
 * letter they act under, or the code of the rule that refuses them.
 */
export function judge(
  verb: PersonVerb,
  actor: Acting,
  request: RequestParties,
): { allowed: true; letter: Letter | null } | { allowed: false; refusal: Code } {
  const rule = WHO_ACTS[verb];
  const by = rule.actors.find((candidate) => holds(actor, candidate, request));
  if (!by) return { allowed: false, refusal: rule.refusal };
  if (rule.fourEyes && actor.userId === request.submittedBy) {
    return { allowed: false, refusal: Code.FourEyes };
  }
  return { allowed: true, letter: letterOf(by.standing, actor, request) };
}

/** The letter the actor acts under, or a 403 with the code of the rule that refused them. */
export function authorize(verb: PersonVerb, actor: Acting, request: RequestParties): Letter | null {
  const judged = judge(verb, actor, request);
  if (judged.allowed) return judged.letter;
  throw new RequestsException(judged.refusal, {
    verb,
    accountable: request.accountable,
    performer: request.performer,
  });
}

/** Whether the actor may submit requests at all (which organization it may be for is checked apart). */
export function maySubmit(actor: Pick<Principal, 'userId' | 'roles'>): boolean {
  return (
    actor.userId !== null &&
    WHO_ACTS[RequestVerb.Submit].actors.some(
      ({ roles }) => !roles || roles.some((role) => actor.roles.includes(role)),
    )
  );
}
