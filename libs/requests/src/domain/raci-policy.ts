import { Letter, RaciLetters } from '@app/catalog';
import { Principal, Role } from '@app/parties';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb as V } from './request-state';

type Acting = Pick<Principal, 'userId' | 'party' | 'roles'>;
type Parties = Pick<
  Request,
  'accountable' | 'consulted' | 'informed' | 'responsible' | 'performer' | 'submittedBy'
> & {
  /** Every letter of the action, from the catalog: a request routes to one Responsible party, but both may hold R. */
  letters: RaciLetters;
};

const has = (actor: Acting, ...roles: Role[]) => roles.some((role) => actor.roles.includes(role));

/**
 * Who may do what to a request, read from the RACI letters resolved at submission. Returns the
 * letter the actor acts under, or throws 403 with the code of the rule that refused.
 */
export function authorize(
  verb: Exclude<V, V.Submit | V.Expire>,
  actor: Acting,
  request: Parties,
): Letter | null {
  const accountableApprover = actor.party === request.accountable && has(actor, Role.Approver);
  switch (verb) {
    case V.Approve:
    case V.Reject:
    case V.WaiveConsultation:
      if (!accountableApprover) {
        throw RequestsException.forbidden(
          Code.NotAccountableApprover,
          `Only an approver of the Accountable party (${request.accountable}) may ${verb}.`,
        );
      }
      if (verb !== V.WaiveConsultation && actor.userId === request.submittedBy) {
        throw RequestsException.forbidden(
          Code.FourEyes,
          'Four eyes: the submitter of a request never decides on it.',
        );
      }
      return 'A';
    case V.Opinion:
      if (!request.consulted.includes(actor.party) || !has(actor, Role.Consultant, Role.Approver)) {
        throw RequestsException.forbidden(
          Code.NotConsulted,
          'Only a consultant or approver of a Consulted party may give an opinion.',
        );
      }
      return 'C';
    case V.Start:
    case V.Complete:
    case V.Fail:
      if (actor.party !== request.performer || !has(actor, Role.Operator)) {
        throw RequestsException.forbidden(
          Code.NotPerformingOperator,
          `Only an operator of the performing party (${request.performer}) may ${verb}.`,
        );
      }
      return request.responsible === actor.party ? 'R' : null;
    case V.Cancel:
      if (actor.userId !== request.submittedBy && !accountableApprover) {
        throw RequestsException.forbidden(
          Code.NotSubmitterOrAccountable,
          'Only the submitter or an approver of the Accountable party may cancel.',
        );
      }
      return accountableApprover ? 'A' : null;
    case V.Comment:
      if (request.letters[actor.party].length === 0 && request.performer !== actor.party) {
        throw RequestsException.forbidden(
          Code.NotAParty,
          'Only a party of the request (holding a letter, or performing it) may comment on it.',
        );
      }
      return request.letters[actor.party][0] ?? null;
  }
}
