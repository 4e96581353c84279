import { AccessPolicy } from './access-policy';
import { PartiesErrorCode } from './parties.exception';
import { Role } from './parties.types';
import { CUSTOMER_A, CUSTOMER_B, principal, PROVIDER_ORG } from './testing/principal.fixture';

describe('AccessPolicy', () => {
  const providerAdmin = principal(PROVIDER_ORG, [Role.Admin]);
  const providerOperator = principal(PROVIDER_ORG, [Role.Operator]);
  const customerAdmin = principal(CUSTOMER_A, [Role.Admin, Role.Requester]);
  const customerRequester = principal(CUSTOMER_A, [Role.Requester]);

  it('lets provider users see every organization and customers only their own', () => {
    expect(AccessPolicy.canSee(providerOperator, CUSTOMER_B)).toBe(true);
    expect(AccessPolicy.canSee(customerRequester, CUSTOMER_A)).toBe(true);
    expect(AccessPolicy.canSee(customerRequester, CUSTOMER_B)).toBe(false);
  });

  it('lets a provider admin administer any organization, a customer admin only its own', () => {
    expect(AccessPolicy.mayAdminister(providerAdmin, CUSTOMER_B)).toBe(true);
    expect(AccessPolicy.mayAdminister(customerAdmin, CUSTOMER_A)).toBe(true);
    expect(AccessPolicy.mayAdminister(customerAdmin, CUSTOMER_B)).toBe(false);
    expect(AccessPolicy.mayAdminister(customerAdmin, PROVIDER_ORG)).toBe(false);
    expect(AccessPolicy.mayAdminister(providerOperator, CUSTOMER_A)).toBe(false);
    expect(AccessPolicy.mayAdminister(customerRequester, CUSTOMER_A)).toBe(false);
  });

  it('answers ADMIN_REQUIRED to non-admins', () => {
    expect(() => AccessPolicy.requireAdmin(customerRequester, CUSTOMER_A)).toThrow(
      expect.objectContaining({ code: PartiesErrorCode.AdminRequired, status: 403 }),
    );
    expect(() => AccessPolicy.requireProviderAdmin(customerAdmin)).toThrow(
      expect.objectContaining({ code: PartiesErrorCode.AdminRequired }),
    );
    expect(() => AccessPolicy.requireProviderAdmin(providerAdmin)).not.toThrow();
  });
});
