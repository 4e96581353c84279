import { randomBytes } from 'node:crypto';
import { personalToken } from '../../test/helpers/sign-in';
import { signInLinkFromDatabase } from '../../test/helpers/sign-in-link-of';
import { expectCall } from './bench-http';
import type { BenchEngine } from './bench-engine';

/** A user of the bench, with its bearer token. */
export interface BenchActor {
  id: string;
  token: string;
}

/**
 * Who drives the lifecycle: a customer's requesters submit, the provider's approvers approve (four
 * eyes: never the submitter) and its operators do the work. Several of each, as real traffic comes
 * from many people.
 */
export interface BenchCast {
  customerId: string;
  contactEmail: string;
  requesters: BenchActor[];
  approvers: BenchActor[];
  operators: BenchActor[];
}

/**
 * Creates the cast through the HTTP API, as the bootstrap admin would. The approvers then sign in
 * by the link the engine mails them and mint their own tokens: only those decide.
 */
export async function createBenchCast(
  engine: BenchEngine,
  plan: string,
  perRole = 4,
): Promise<BenchCast> {
  const { url, adminToken } = engine;
  const suffix = randomBytes(4).toString('hex');
  const contactEmail = `contact-${suffix}@customer.bench`;
  const customer = await expectCall(201, url, 'POST', '/v1/organizations', adminToken, {
    name: `Bench customer ${suffix}`,
    subscription: { plan, onDemand: false },
    contactEmails: [contactEmail],
    locale: 'en',
  });
  const me = await expectCall(200, url, 'GET', '/v1/me', adminToken);
  const providerId = (me.organization as { id: string }).id;
  const users = (organizationId: string, role: string) =>
    Promise.all(
      Array.from({ length: perRole }, async (_, i) => {
        const user = await expectCall(
          201,
          url,
          'POST',
          `/v1/organizations/${organizationId}/users`,
          adminToken,
          { email: `${role}-${i}-${suffix}@bench.test`, name: `Bench ${role} ${i}`, roles: [role] },
        );
        return { id: user.id as string, email: user.email as string, token: user.token as string };
      }),
    );
  const pool = engine.database.pool(1);
  const signInLink = signInLinkFromDatabase(
    async (sql, params) => (await pool.query<{ id: string }>(sql, params)).rows,
    engine.env.LINK_SECRET,
  );
  const signedIn = async (actors: (BenchActor & { email: string })[]) => {
    const personal: BenchActor[] = [];
    for (const actor of actors) {
      personal.push({ id: actor.id, token: await personalToken({ http: url, signInLink }, actor) });
    }
    return personal;
  };
  return {
    customerId: customer.id as string,
    contactEmail,
    requesters: await users(customer.id as string, 'requester'),
    approvers: await signedIn(await users(providerId, 'approver')),
    operators: await users(providerId, 'operator'),
  };
}
