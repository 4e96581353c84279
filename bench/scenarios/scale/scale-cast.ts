import { randomBytes } from 'node:crypto';
import { Plan } from '@app/catalog';
import { Role } from '@app/parties';

/** A user the scenario created, with the token it calls the API with. */
export interface ScaleUser {
  id: string;
  email: string;
  token: string;
}

/** One customer organization and the people whose ids the preloaded requests carry. */
export interface ScaleTenant {
  id: string;
  plan: Plan;
  onDemand: boolean;
  requester: ScaleUser;
  /** Approves, submits and does the work: a small customer's one-person team, so all inbox branches apply. */
  approver: ScaleUser;
  consultant: ScaleUser;
}

export interface ScaleCast {
  providerId: string;
  /** The provider's approver, also an operator: the provider's inbox across every tenant. */
  providerApprover: ScaleUser;
  providerConsultant: ScaleUser;
  tenants: ScaleTenant[];
}

const PROVIDER_APPROVER_ROLES = [Role.Approver, Role.Operator, Role.Requester];
const CUSTOMER_APPROVER_ROLES = [Role.Approver, Role.Operator, Role.Requester];

/** Creates the cast through the HTTP API with the bootstrap admin token, as an operator would. */
export async function createScaleCast(
  baseUrl: string,
  adminToken: string,
  tenantCount: number,
): Promise<ScaleCast> {
  const api = new AdminClient(baseUrl, adminToken);
  const me = await api.call<{ organization: { id: string } }>('GET', '/v1/me');
  const providerId = me.organization.id;
  const tenants: ScaleTenant[] = [];
  for (let index = 0; index < tenantCount; index++) {
    tenants.push(await createTenant(api, index));
  }
  return {
    providerId,
    providerApprover: await api.user(providerId, PROVIDER_APPROVER_ROLES),
    providerConsultant: await api.user(providerId, [Role.Consultant]),
    tenants,
  };
}

/** Plans and the On Demand option vary across tenants, so every performer rule of the matrix applies. */
async function createTenant(api: AdminClient, index: number): Promise<ScaleTenant> {
  const plan = index % 2 === 0 ? Plan.OnRequest : Plan.SelfService;
  const onDemand = index % 3 === 0;
  const suffix = randomBytes(4).toString('hex');
  const organization = await api.call<{ id: string }>('POST', '/v1/organizations', {
    name: `Scale tenant ${index} ${suffix}`,
    subscription: { plan, onDemand },
    contactEmails: [`contact-${suffix}@tenant${index}.example`],
    locale: 'en',
  });
  return {
    id: organization.id,
    plan,
    onDemand,
    requester: await api.user(organization.id, [Role.Requester]),
    approver: await api.user(organization.id, CUSTOMER_APPROVER_ROLES),
    consultant: await api.user(organization.id, [Role.Consultant]),
  };
}

class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly adminToken: string,
  ) {}

  async user(organizationId: string, roles: Role[]): Promise<ScaleUser> {
    const email = `scale-${randomBytes(6).toString('hex')}@example.test`;
    const created = await this.call<{ id: string; token: string }>(
      'POST',
      `/v1/organizations/${organizationId}/users`,
      { email, name: `Scale ${roles.join(' ')}`, roles },
    );
    return { id: created.id, email, token: created.token };
  }

  async call<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.adminToken}`,
        'Content-Type': 'application/json',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
}
