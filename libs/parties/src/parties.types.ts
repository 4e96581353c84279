import { Party, Plan } from '@app/catalog';
import type { Credential } from './credential';

/** What a user may do. `admin` manages organizations, users and tokens and grants no RACI power. */
export enum Role {
  Requester = 'requester',
  Approver = 'approver',
  Operator = 'operator',
  Consultant = 'consultant',
  Admin = 'admin',
}
export const ROLES: readonly Role[] = Object.values(Role);

/** Whether a user is a person or a service account (a machine calling with tokens). */
export enum UserKind {
  Person = 'person',
  Service = 'service',
}

export enum OrganizationKind {
  Provider = 'provider',
  Customer = 'customer',
}

export enum Locale {
  En = 'en',
  Fr = 'fr',
}

/** The caller of a request, as authentication established it. */
export interface Principal {
  /** null only for the bootstrap admin of ADMIN_TOKEN. */
  userId: string | null;
  email: string | null;
  organizationId: string;
  kind: OrganizationKind;
  /** The RACI party the caller speaks for. */
  party: Party;
  roles: readonly Role[];
  /** What the caller authenticated with; absent when the engine acts by itself (a deadline). */
  credential?: Credential;
}

export interface Subscription {
  plan: Plan;
  onDemand: boolean;
}

export function partyOfKind(kind: OrganizationKind): Party {
  return kind === OrganizationKind.Provider ? Party.Provider : Party.Customer;
}

/** What it takes to create a customer organization. */
export interface CreateOrganizationInput {
  name: string;
  subscription: Subscription;
  contactEmails: string[];
  locale?: Locale;
}

/** What it takes to create a user in an organization. */
export interface CreateUserInput {
  email: string;
  name: string;
  roles: Role[];
  /** `person` unless given; a `service` account cannot hold a role that decides. */
  kind?: UserKind;
  /** The identity provider's subject the user signs in as (or a service client's id). */
  oidcSubject?: string;
}

/** What `PATCH /v1/organizations/:id` may change; the subscription is for provider admins only. */
export interface UpdateOrganizationInput {
  name?: string;
  contactEmails?: string[];
  locale?: Locale;
  subscription?: Subscription;
}

/** What `PATCH /v1/users/:id` may change. */
export interface UpdateUserInput {
  name?: string;
  roles?: Role[];
  active?: boolean;
  /** null unlinks the user from the identity provider. */
  oidcSubject?: string | null;
}

/** A token as shown once, at creation; afterwards only its prefix is known. */
export interface IssuedToken {
  id: string;
  token: string;
  prefix: string;
  createdAt: Date;
  /** The user who minted it; null when the bootstrap `ADMIN_TOKEN` did. */
  issuedBy: string | null;
  /** Its owner minted it while signed in: it may decide. */
  personal: boolean;
}
