import { existsSync, readFileSync } from 'node:fs';
import { secretFile } from '@app/core/config/startup-secrets';
import { DemoProblem, DemoSignIn } from './demo-sign-in';

/**
 * `npm run demo`: through the running engine's API, as its bootstrap admin, a customer
 * organization (Globex, on the on-request plan) and one user per role on both sides, provider and
 * customer. Then each person signs in as people do, by the link the engine mails them (read from
 * `var/mail`), and mints their own token: personal tokens, which decide, unlike the one the admin
 * got at creation. They are printed as `export NAME=...` lines, which
 * `eval "$(npm run --silent demo)"` sets in a shell. Run again, it finds the organization and the
 * users it made and signs each in again for a new token (the earlier ones keep working).
 * Everything else it prints is a `#` comment, so its whole output can be evaluated.
 */

const ROLES = ['requester', 'approver', 'operator', 'consultant', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Side = 'provider' | 'customer';

/** One user per role and side: name and email. */
const PEOPLE: Record<Side, Record<Role, [string, string]>> = {
  provider: {
    requester: ['Margaret Hamilton', 'margaret@provider.example'],
    approver: ['Grace Hopper', 'grace@provider.example'],
    operator: ['Alan Turing', 'alan@provider.example'],
    consultant: ['Barbara Liskov', 'barbara@provider.example'],
    admin: ['Ken Thompson', 'ken@provider.example'],
  },
  customer: {
    requester: ['Ada Lovelace', 'ada@globex.example'],
    approver: ['Edsger Dijkstra', 'edsger@globex.example'],
    operator: ['Donald Knuth', 'donald@globex.example'],
    consultant: ['Frances Allen', 'frances@globex.example'],
    admin: ['Dennis Ritchie', 'dennis@globex.example'],
  },
};
const CUSTOMER = {
  name: 'Globex',
  subscription: { plan: 'on-request', onDemand: false },
  contactEmails: ['cloud@globex.example'],
  locale: 'en',
};

interface Organization {
  id: string;
  name: string;
  kind: Side;
}
interface User {
  id: string;
  email: string;
  roles: string[];
}

async function main(): Promise<void> {
  const url = engineUrl();
  const call = client(url, adminToken());
  const me = await call<{ organization: Organization }>('GET', '/v1/me');
  const providerId = me.organization.id;
  const organizations = await call<{ items: Organization[] }>('GET', '/v1/organizations');
  const existing = organizations.items.find(
    (o) => o.kind === 'customer' && o.name === CUSTOMER.name,
  );
  const customer = existing ?? (await call<Organization>('POST', '/v1/organizations', CUSTOMER));

  const signIn = new DemoSignIn(url);
  const lines: string[] = [];
  const reused: string[] = [];
  for (const [side, organizationId] of [
    ['provider', providerId],
    ['customer', customer.id],
  ] as const) {
    const users = await call<{ items: User[] }>('GET', `/v1/organizations/${organizationId}/users`);
    for (const role of ROLES) {
      const [name, email] = PEOPLE[side][role];
      let user = users.items.find((u) => u.email.toLowerCase() === email);
      if (user) {
        if (!user.roles.includes(role)) {
          throw new DemoProblem(`${email} exists without the ${role} role: remove it or use it`);
        }
        reused.push(email);
      } else {
        const body = { email, name, roles: [role] };
        user = await call<User>('POST', `/v1/organizations/${organizationId}/users`, body);
      }
      const token = await signIn.personalToken(user);
      lines.push(`export ${side.toUpperCase()}_${role.toUpperCase()}_TOKEN=${token}   # ${email}`);
    }
  }

  const made = reused.length === 0 ? 'made' : 'already there: each signed in again for a new token';
  print([
    `# raci-engine at ${url}: the provider and the customer ${CUSTOMER.name} (on-request plan),`,
    `# one user per role on each side (${made}).`,
    '# Each signed in as a person does, by the sign-in link the engine mailed them (read from',
    '# var/mail), and minted their own token with that session: personal tokens, which decide.',
    '# A token an admin mints for someone reads, submits and works, but never decides.',
    ...(existing ? [`# ${CUSTOMER.name} already existed: reused.`] : []),
    `export RACI_URL=${url}`,
    `export PROVIDER_ID=${providerId}`,
    `export CUSTOMER_ID=${customer.id}`,
    ...lines,
    '# Next: set these in your shell with',
    '#   eval "$(npm run --silent demo)"',
    '# then, as Globex\'s requester: curl -H "Authorization: Bearer $CUSTOMER_REQUESTER_TOKEN" "$RACI_URL/v1/me"',
    '# and go on with the README\'s "Five-minute walk-through", from its three helpers.',
  ]);
}

/** Where the engine answers: RACI_URL, else PUBLIC_URL, else localhost on PORT (3000). */
function engineUrl(): string {
  const url = process.env.RACI_URL || process.env.PUBLIC_URL;
  return (url || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
}

/** ADMIN_TOKEN from the environment, else the one the engine keeps under var/ in this folder. */
function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const file = secretFile('ADMIN_TOKEN');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new DemoProblem(
    `no admin token: set ADMIN_TOKEN, or run this in the folder the engine started from (it keeps one in ${file})`,
  );
}

/** Calls the engine's API as the admin; any answer but 2xx is a stop with the engine's message. */
function client(url: string, token: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new DemoProblem(
        `no engine answers at ${url} (${cause}): start it with \`npm start\`, or set RACI_URL`,
      );
    }
    const text = await response.text();
    if (response.status === 401) {
      throw new DemoProblem(`the engine at ${url} does not accept the admin token (${text})`);
    }
    if (!response.ok) throw new DemoProblem(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

function print(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (!(error instanceof DemoProblem)) throw error;
  process.stderr.write(`raci-engine demo: ${error.message}\n`);
  process.exit(1);
});
