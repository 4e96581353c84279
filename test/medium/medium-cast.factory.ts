import { TestingModule } from '@nestjs/testing';
import { Plan } from '@app/catalog';
import {
  AuthMethod,
  Locale,
  Organization,
  OrganizationsService,
  Principal,
  Role,
  SessionsService,
  TokensService,
  User,
  UsersService,
} from '@app/parties';

/** A user as stored, and the principal it acts as: signed in, as a person who decides is. */
export interface Person {
  user: User;
  principal: Principal;
}

/** The provider's people and one on-request customer's, each created through the real services. */
export interface MediumCast {
  providerId: string;
  customer: Organization;
  provider: {
    approver: Person;
    /** Also a requester: submits for customers, which four-eyes then keeps from deciding. */
    requestingApprover: Person;
    operator: Person;
  };
  client: {
    requester: Person;
    approver: Person;
    consultant: Person;
  };
}

export const CUSTOMER_CONTACT = 'cloud@globex.test';

/** Seeds the cast as the bootstrap admin of `adminToken` would, through the parties services. */
export async function createMediumCast(
  module: TestingModule,
  adminToken: string,
): Promise<MediumCast> {
  const tokens = module.get(TokensService);
  const users = module.get(UsersService);
  const admin = await tokens.authenticate(adminToken);
  if (!admin) throw new Error('the bootstrap admin token does not authenticate');
  const customer = await module.get(OrganizationsService).create(admin, {
    name: 'Globex',
    subscription: { plan: Plan.OnRequest, onDemand: false },
    contactEmails: [CUSTOMER_CONTACT],
    locale: Locale.En,
  });
  const sessions = module.get(SessionsService);
  const person = async (organizationId: string, email: string, roles: Role[]) => {
    const { user } = await users.create(admin, organizationId, { email, name: email, roles });
    const { token } = await sessions.start(user, { method: AuthMethod.EmailLink });
    const principal = await sessions.authenticate(token);
    if (!principal) throw new Error(`${email} signed in, but the session does not authenticate`);
    return { user, principal };
  };
  const providerId = admin.organizationId;
  return {
    providerId,
    customer,
    provider: {
      approver: await person(providerId, 'approver@provider.test', [Role.Approver]),
      requestingApprover: await person(providerId, 'desk@provider.test', [
        Role.Approver,
        Role.Requester,
      ]),
      operator: await person(providerId, 'ops@provider.test', [Role.Operator]),
    },
    client: {
      requester: await person(customer.id, 'ada@globex.test', [Role.Requester]),
      approver: await person(customer.id, 'boss@globex.test', [Role.Approver]),
      consultant: await person(customer.id, 'dba@globex.test', [Role.Consultant]),
    },
  };
}
