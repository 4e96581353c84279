import { CommonErrorCode, CommonException } from '@app/core';
import { PartiesErrorCode, PartiesException } from './parties.exception';
import { Role, ROLES, UserKind } from './parties.types';

/**
 * The roles that decide (approve, reject, waive a consultation, give an opinion): the requests'
 * table of who acts gives decisions to these, and a spec there keeps the two the same.
 */
export const DECIDING_ROLES: readonly Role[] = [Role.Approver, Role.Consultant];

/**
 * A service account decides nothing (its tokens are minted by admins, never by a person signed in):
 * 422 SERVICE_ACCOUNT_CANNOT_DECIDE when it would hold a role that decides.
 */
export function refuseDecidingService(kind: UserKind, roles: readonly Role[]): void {
  const deciding = roles.filter((role) => DECIDING_ROLES.includes(role));
  if (kind === UserKind.Service && deciding.length > 0)
    throw new PartiesException(PartiesErrorCode.ServiceAccountCannotDecide, {
      roles: deciding.join(', '),
    });
}

/** The distinct roles asked for; 400 VALIDATION_FAILED unless one or more, each a known role. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  const distinct = [...new Set(roles)];
  if (distinct.length === 0 || distinct.some((role) => !ROLES.includes(role))) {
    throw new CommonException(CommonErrorCode.ValidationFailed, {
      fields: [{ field: 'roles', message: `must be one or more of: ${ROLES.join(', ')}` }],
    });
  }
  return distinct;
}

/** Whether a user counts as an admin who can still act: active, with the admin role. */
export function isActiveAdmin(user: { active: boolean; roles: readonly Role[] }): boolean {
  return user.active && user.roles.includes(Role.Admin);
}
