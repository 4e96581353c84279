import { Role } from '@app/parties';
import { TestApp } from '../helpers/create-app';
import { Actor, createCustomer, createUser, providerOrganizationId } from './parties.factory';

/** The people of one organization, one per role, plus a second approver for four-eyes cases. */
export interface Staff {
  organizationId: string;
  requester: Actor;
  approver: Actor;
  secondApprover: Actor;
  operator: Actor;
  consultant: Actor;
  admin: Actor;
}

/** The provider's staff and two customers: one on-request, one self-service with "On Demand". */
export interface Cast {
  provider: Staff;
  onRequest: Staff;
  selfService: Staff;
}

/** The roles of a staff, each one an actor. */
const ROLES = [
  'requester',
  'approver',
  'secondApprover',
  'operator',
  'consultant',
  'admin',
] as const satisfies readonly (keyof Staff)[];

async function staff(t: TestApp, organizationId: string): Promise<Staff> {
  const [requester, approver, secondApprover, operator, consultant, admin] = await Promise.all([
    createUser(t, organizationId, [Role.Requester]),
    createUser(t, organizationId, [Role.Approver, Role.Requester]),
    createUser(t, organizationId, [Role.Approver]),
    createUser(t, organizationId, [Role.Operator]),
    createUser(t, organizationId, [Role.Consultant]),
    createUser(t, organizationId, [Role.Admin]),
  ]);
  return { organizationId, requester, approver, secondApprover, operator, consultant, admin };
}

/** The test app and the cast a member of a cast belongs to. */
export interface CastMembership {
  t: TestApp;
  cast: Cast;
}

const memberships = new WeakMap<Actor, CastMembership>();

export async function createCast(t: TestApp): Promise<Cast> {
  const onRequest = await createCustomer(t, { plan: 'on-request', onDemand: false });
  const selfService = await createCustomer(t, { plan: 'self-service', onDemand: true });
  const cast: Cast = {
    provider: await staff(t, await providerOrganizationId(t)),
    onRequest: await staff(t, onRequest.id),
    selfService: await staff(t, selfService.id),
  };
  for (const members of [cast.provider, cast.onRequest, cast.selfService]) {
    for (const role of ROLES) memberships.set(members[role], { t, cast });
  }
  return cast;
}

/**
 * The app and cast of one of the cast's members, so that the request factories can find the other
 * members from an actor alone. Fails for a user made outside `createCast`.
 */
export function membershipOf(actor: Actor): CastMembership {
  const membership = memberships.get(actor);
  if (!membership) throw new Error(`${actor.email} is not a member of a cast made by createCast`);
  return membership;
}
