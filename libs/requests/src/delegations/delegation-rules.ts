import { Role, User, UserKind } from '@app/parties';
import { DELEGABLE_ROLES } from '../domain/who-acts.table';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

/** What a delegation is asked to be: who hands their decisions to whom, for which window. */
export interface DelegationWish {
  delegator: User;
  /** The user named as delegate, if any exists with that id. */
  delegate: User | null;
  delegateId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The roles the delegation carries, or the 422 of the first rule it breaks: nobody delegates to
 * themselves; the delegate is an active person of the delegator's organization; the window ends
 * after it starts, and not in the past; the delegator holds a decision role the table declares
 * delegable.
 */
export function delegatedRoles(wish: DelegationWish, now: Date): Role[] {
  const { delegator, delegate, delegateId, startsAt, endsAt } = wish;
  if (delegateId === delegator.id) throw new RequestsException(Code.DelegationToSelf);
  if (!delegate || delegate.organizationId !== delegator.organizationId) {
    throw new RequestsException(Code.DelegateNotFound, { delegateId });
  }
  if (!delegate.active) throw new RequestsException(Code.DelegateInactive, { delegateId });
  if (delegate.kind !== UserKind.Person) {
    throw new RequestsException(Code.DelegateNotAPerson, { delegateId });
  }
  if (endsAt <= startsAt) {
    throw new RequestsException(Code.DelegationWindowInvalid, {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
  }
  if (endsAt <= now) {
    throw new RequestsException(Code.DelegationInThePast, { endsAt: endsAt.toISOString() });
  }
  const roles = delegableOf(delegator.roles);
  if (roles.length === 0) {
    throw new RequestsException(Code.NothingToDelegate, { roles: DELEGABLE_ROLES.join(', ') });
  }
  return roles;
}

/** The roles of these a delegation may carry. */
export function delegableOf(roles: readonly Role[]): Role[] {
  return DELEGABLE_ROLES.filter((role) => roles.includes(role));
}
