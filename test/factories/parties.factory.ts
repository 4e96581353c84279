import { randomBytes } from 'node:crypto';
import { Role } from '@app/parties';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { personalToken } from '../helpers/sign-in';
import { expectStatus } from '../helpers/status.assertion';

/**
 * A user of a test app, with the bearer token it calls the API with: a personal token, minted by
 * the person signed in, so it decides as they would.
 */
export interface Actor {
  id: string;
  email: string;
  token: string;
  organizationId: string;
  roles: Role[];
}

const unique = (): string => randomBytes(5).toString('hex');

/** A customer organization created by the bootstrap admin; unique name unless one is given. */
export async function createCustomer(
  t: TestApp,
  input: {
    name?: string;
    plan?: 'self-service' | 'on-request';
    onDemand?: boolean;
    contactEmails?: string[];
    locale?: 'en' | 'fr';
  } = {},
): Promise<{ id: string; name: string }> {
  const suffix = unique();
  const res = await api(t, t.adminToken).post('/v1/organizations', {
    name: input.name ?? `Customer ${suffix}`,
    subscription: { plan: input.plan ?? 'on-request', onDemand: input.onDemand ?? false },
    contactEmails: input.contactEmails ?? [`contact-${suffix}@customer.test`],
    locale: input.locale ?? 'en',
  });
  expectStatus(res, 201, 'createCustomer');
  return { id: res.body.id, name: res.body.name };
}

/**
 * A user of an organization, created by the bootstrap admin; unique email unless one is given. The
 * person then signs in as people do (the emailed link) and mints their own token, which they call
 * the API with: the token the admin got at creation may not decide. `signIn: false` keeps that
 * token instead, for tests of signing in that count the links of an address themselves.
 */
export async function createUser(
  t: TestApp,
  organizationId: string,
  roles: Role[],
  email = `user-${unique()}@example.test`,
  { signIn = true }: { signIn?: boolean } = {},
): Promise<Actor> {
  const res = await api(t, t.adminToken).post(`/v1/organizations/${organizationId}/users`, {
    email,
    name: `User ${email.split('@')[0]}`,
    roles,
  });
  expectStatus(res, 201, 'createUser');
  return {
    id: res.body.id,
    email: res.body.email,
    token: signIn
      ? await personalToken(t, res.body as { id: string; email: string })
      : (res.body as { token: string }).token,
    organizationId: res.body.organizationId,
    roles: res.body.roles,
  };
}

/** The id of the one provider organization of a test app. */
export async function providerOrganizationId(t: TestApp): Promise<string> {
  const res = await api(t, t.adminToken).get('/v1/me');
  expectStatus(res, 200, 'providerOrganizationId');
  return (res.body as { organization: { id: string } }).organization.id;
}
