import { OrganizationKind, Principal, Role } from './parties.types';
import { PartiesErrorCode, PartiesException } from './parties.exception';

/**
 * Who may see and manage what. Provider users see every organization; a customer user sees only
 * its own. Managing an organization's users and tokens takes an admin of that organization or a
 * provider admin.
 */
export class AccessPolicy {
  static isProvider(principal: Principal): boolean {
    return principal.kind === OrganizationKind.Provider;
  }

  static isAdmin(principal: Principal): boolean {
    return principal.roles.includes(Role.Admin);
  }

  static isProviderAdmin(principal: Principal): boolean {
    return AccessPolicy.isProvider(principal) && AccessPolicy.isAdmin(principal);
  }

  /** Whether the organization exists for this principal at all (else: answer 404). */
  static canSee(principal: Principal, organizationId: string): boolean {
    return AccessPolicy.isProvider(principal) || principal.organizationId === organizationId;
  }

  static mayAdminister(principal: Principal, organizationId: string): boolean {
    return (
      AccessPolicy.isProviderAdmin(principal) ||
      (AccessPolicy.isAdmin(principal) && principal.organizationId === organizationId)
    );
  }

  /** Throws 403 ADMIN_REQUIRED unless the principal may administer the organization. */
  static requireAdmin(principal: Principal, organizationId: string): void {
    if (!AccessPolicy.mayAdminister(principal, organizationId)) {
      throw new PartiesException(PartiesErrorCode.AdminRequired);
    }
  }

  /** Throws 403 ADMIN_REQUIRED unless the principal is a provider admin. */
  static requireProviderAdmin(principal: Principal): void {
    if (!AccessPolicy.isProviderAdmin(principal))
      throw new PartiesException(PartiesErrorCode.AdminRequired);
  }
}
