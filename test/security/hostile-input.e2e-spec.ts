import { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { Role } from '@app/parties';
import {
  Actor,
  createCustomer,
  createUser,
  providerOrganizationId,
} from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { E2E_DRIVER } from '../helpers/test-database';
import { Caller, HostileCase, hostileCase } from './hostile-input.arbitraries';
import { wellFormedCase } from './well-formed.arbitraries';
import { RawHttpClient, RawResponse } from './raw-http.client';
import { Endpoint, endpointsOf } from './route-inventory';
import { RowCounter } from './row-counts';

/**
 * Property-based tests of every endpoint the app documents: at least 1,000 generated calls each with
 * hostile bodies, queries, path parameters and headers. For every call: no 5xx; a 4xx is the JSON
 * error shape; a rejected call stores no row (rows of every table are counted around each batch of
 * calls sent together, and around the whole run of a read).
 *
 * On a failure the report names the endpoint, and fast-check a seed and a path: replay exactly that
 * call with `FC_ENDPOINT='<METHOD> <path>' FC_SEED=<seed> FC_PATH=<path> E2E_DRIVER=postgres npx jest
 * --config test/jest/e2e.config.js test/security/hostile-input.e2e-spec.ts` (TEST_LOG_LEVEL=error shows
 * the engine's stack). FC_RUNS changes the number of cases.
 *
 * PostgreSQL only: validation does not depend on the driver, and SQLite's single connection would
 * double the time of a suite that already makes some 40,000 calls.
 */
const RUNS = Number(process.env.FC_RUNS ?? 1_000);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const PATH = process.env.FC_PATH;
/**
 * Calls sent at once, a property run being one such batch: rows are counted around each batch, and
 * must not have changed when every call of it was refused.
 */
const CONCURRENCY = 4;
/** Fuzz only this endpoint, named as in the report, e.g. `POST /v1/requests/{id}/approve`. */
const ONLY = process.env.FC_ENDPOINT;

/** Controllers the inventory must reach, so that a broken document cannot make the suite vacuous. */
const KNOWN_PREFIXES = [
  '/v1/catalog',
  '/v1/organizations',
  '/v1/users',
  '/v1/tokens',
  '/v1/me',
  '/v1/requests',
  '/v1/inbox',
  '/v1/audit',
  '/v1/notifications',
  '/v1/email-actions',
  '/v1/unsubscribe',
  '/v1/webhooks',
  '/auth/email-link',
  '/auth/choose',
];

/**
 * Routes whose errors are HTML pages for people, by design: the links of emails, the end of a
 * single sign-on, where the browser comes back from the identity provider, and the choice of
 * organization that may follow either.
 */
const HTML_ROUTES =
  /^\/((v1\/(email-actions|unsubscribe)|auth\/(email-link|choose))\/|auth\/(callback|choose)$)/;

const describeOnPostgres = E2E_DRIVER === 'postgres' ? describe : describe.skip;

describeOnPostgres('hostile input on every endpoint', () => {
  let t: TestApp;
  let http: RawHttpClient;
  let rows: RowCounter;
  let people: People;
  let realIds: string[];
  let idsByCollection: Record<string, string[]>;
  let otherTenantIds: Set<string>;
  const summary: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_FAILURE_LIMIT: '1000000' } });
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    http = new RawHttpClient((t.http.address() as AddressInfo).port);
    rows = await RowCounter.of(t.app.get(DataSource));
    ({ people, realIds, idsByCollection, otherTenantIds } = await existingThings(t));
  });
  afterAll(async () => {
    http?.close();
    process.stdout.write(`hostile input, ${RUNS} cases per endpoint:\n${summary.join('\n')}\n`);
    await t?.close();
  });

  it('finds every controller in the OpenAPI document', async () => {
    const endpoints = await endpointsOf(t.http);
    const paths = endpoints.map((e) => e.path);
    expect(endpoints.length).toBeGreaterThanOrEqual(30);
    for (const prefix of KNOWN_PREFIXES) {
      expect(paths.some((path) => path.startsWith(prefix))).toBe(true);
    }
  });

  it('answers every generated call without a 5xx, in the error shape, storing nothing', async () => {
    for (const endpoint of await endpointsOf(t.http)) {
      if (ONLY && `${endpoint.method} ${endpoint.path}` !== ONLY) continue;
      summary.push(await fuzz(endpoint));
    }
  }, 600_000);

  it('answers well-formed calls by every kind of caller, on every endpoint, without a 5xx', async () => {
    for (const endpoint of await endpointsOf(t.http)) {
      if (ONLY && `${endpoint.method} ${endpoint.path}` !== ONLY) continue;
      const name = `${endpoint.method} ${endpoint.path}`;
      await fc
        .assert(
          fc.asyncProperty(wellFormedCase(endpoint, idsByCollection), async (call) => {
            const response = await send(endpoint, call);
            expectWellFormed(call, response);
            if (call.caller.startsWith('customer') && touchesOtherTenant(call)) {
              expect(response.status).toBeGreaterThanOrEqual(400);
            }
          }),
          { numRuns: Math.ceil(RUNS / 10), seed: SEED, path: PATH },
        )
        .catch((error: Error) => {
          const cause = error.cause instanceof Error ? `\nGot: ${error.cause.message}` : '';
          throw new Error(`${name}: ${shortened(error.message + cause)}`);
        });
    }
  }, 600_000);

  async function fuzz(endpoint: Endpoint): Promise<string> {
    const name = `${endpoint.method} ${endpoint.path}`;
    const statuses = new Map<number, number>();
    // A read stores nothing, accepted or not: its rows are counted once around the whole run.
    const reads = endpoint.method === 'GET';
    const countsAtStart = await rows.count();
    const batch = fc.array(hostileCase(endpoint, realIds), {
      minLength: CONCURRENCY,
      maxLength: CONCURRENCY,
    });
    await fc
      .assert(
        fc.asyncProperty(batch, async (calls) => {
          const countsBefore = reads ? undefined : await rows.count();
          const responses = await Promise.all(calls.map((call) => send(endpoint, call)));
          calls.forEach((call, i) => {
            const { status } = responses[i];
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            expectWellFormed(call, responses[i]);
            if (call.caller.startsWith('customer') && touchesOtherTenant(call) && status < 400) {
              throw new Error(`another tenant's thing answered ${status} to a customer`);
            }
          });
          if (countsBefore && responses.every((response) => response.status >= 400)) {
            expect(await rows.count()).toEqual(countsBefore);
          }
        }),
        { numRuns: Math.ceil(RUNS / CONCURRENCY), seed: SEED, path: PATH },
      )
      .catch((error: Error) => {
        const cause = error.cause instanceof Error ? `\nGot: ${error.cause.message}` : '';
        throw new Error(`${name}: ${shortened(error.message + cause)}`);
      });
    if (reads) expect({ name, rows: await rows.count() }).toEqual({ name, rows: countsAtStart });
    const spread = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    return `  ${name}: ${spread.join(' ')}`;
  }

  function send(endpoint: Endpoint, call: HostileCase): Promise<RawResponse> {
    const token = tokenOf(call.caller);
    return http.send({
      method: endpoint.method,
      path: call.path,
      headers: token ? { ...call.headers, authorization: `Bearer ${token}` } : call.headers,
      body: call.body,
    });
  }

  function tokenOf(caller: Caller): string | undefined {
    if (caller === 'provider-admin') return t.adminToken;
    if (caller === 'provider-user') return people.providerUser.token;
    if (caller === 'customer') return people.customer.token;
    if (caller === 'customer-user') return people.colleague.token;
    if (caller === 'bad-token') return 'raci_' + 'A'.repeat(43);
    return undefined;
  }

  function touchesOtherTenant(call: HostileCase): boolean {
    return [...otherTenantIds].some((id) => call.path.includes(id));
  }
});

/** fast-check's report with each line cut short, since counterexamples hold bodies of 80 kB. */
function shortened(report: string): string {
  return report
    .split('\n')
    .map((line) => (line.length > 1_500 ? `${line.slice(0, 1_500)}… (${line.length} chars)` : line))
    .join('\n');
}

/** The JSON error shape on every 4xx (an HTML page on the email-link routes), and never a 5xx. */
function expectWellFormed(call: HostileCase, response: RawResponse): void {
  const seen = {
    status: response.status,
    body: response.text.slice(0, 300),
    headers: response.headers,
  };
  if (response.status >= 500) throw new Error(`5xx: ${JSON.stringify(seen)}`);
  if (response.status < 400) return;
  const contentType = String(response.headers['content-type'] ?? '');
  if (HTML_ROUTES.test(call.path.split('?')[0]) && contentType.startsWith('text/html')) return;
  if (!contentType.startsWith('application/json')) {
    throw new Error(`not JSON (${contentType}): ${JSON.stringify(seen)}`);
  }
  const body = JSON.parse(response.text) as Record<string, unknown>;
  if (
    body.statusCode !== response.status ||
    typeof body.code !== 'string' ||
    typeof body.message !== 'string'
  ) {
    throw new Error(`not the error shape: ${JSON.stringify(seen)}`);
  }
}

/** The users generated calls are made as, besides the bootstrap admin. */
interface People {
  providerUser: Actor;
  /** The calling customer's admin. */
  customer: Actor;
  /** A requester of the same customer, without admin rights. */
  colleague: Actor;
}

/**
 * Ids of things that exist, for path parameters: some of the calling customer's own (a request
 * among them), some of another customer's (which that customer must never reach) and some of the
 * provider's.
 */
async function existingThings(t: TestApp): Promise<{
  people: People;
  realIds: string[];
  idsByCollection: Record<string, string[]>;
  otherTenantIds: Set<string>;
}> {
  const own = (await createCustomer(t)).id;
  const other = (await createCustomer(t)).id;
  const providerUser = await createUser(t, await providerOrganizationId(t), [
    Role.Requester,
    Role.Approver,
    Role.Operator,
    Role.Consultant,
  ]);
  const customer = await createUser(t, own, [Role.Requester, Role.Admin, Role.Approver]);
  const colleague = await createUser(t, own, [Role.Requester]);
  const submitted = await api(t, colleague).post('/v1/requests', {
    action: 'mariadb.add-read-only-replica',
    params: { instance: 'db-1' },
  });
  const stranger = await createUser(t, other, [Role.Requester, Role.Admin]);
  const spareToken = await api(t, stranger).post(`/v1/users/${stranger.id}/tokens`);
  const webhook = await api(t, stranger).post('/v1/webhooks', {
    url: 'https://hooks.other.example/raci',
  });
  const otherTenantIds = [other, stranger.id, spareToken.body.id, webhook.body.id] as string[];
  const ids = [own, colleague.id, providerUser.id, submitted.body.id] as string[];
  if ([...ids, ...otherTenantIds].some((id) => typeof id !== 'string')) {
    throw new Error('setup failed');
  }
  return {
    people: { providerUser, customer, colleague },
    realIds: [...ids, ...otherTenantIds],
    idsByCollection: {
      organizations: [own, other],
      users: [colleague.id, providerUser.id, stranger.id],
      tokens: [spareToken.body.id],
      requests: [submitted.body.id],
      webhooks: [webhook.body.id],
    },
    otherTenantIds: new Set(otherTenantIds),
  };
}
