import { CommonErrorCode, CommonException } from '@app/core';
import { Role, ROLES } from './parties.types';

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
