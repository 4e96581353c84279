import { Party } from '@app/catalog';
import { OrganizationKind, Principal, Role } from '../parties.types';

export const PROVIDER_ORG = '00000000-0000-4000-8000-000000000001';
export const CUSTOMER_A = '00000000-0000-4000-8000-00000000000a';
export const CUSTOMER_B = '00000000-0000-4000-8000-00000000000b';

/** A principal for unit specs: a provider user when `organizationId` is PROVIDER_ORG. */
export function principal(
  organizationId: string,
  roles: Role[],
  userId: string | null = '00000000-0000-4000-8000-0000000000ff',
): Principal {
  const kind =
    organizationId === PROVIDER_ORG ? OrganizationKind.Provider : OrganizationKind.Customer;
  return {
    userId,
    email: userId ? `${userId}@example.test` : null,
    organizationId,
    kind,
    party: kind === OrganizationKind.Provider ? Party.Provider : Party.Customer,
    roles,
  };
}
