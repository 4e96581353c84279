import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEmbedded, embeddedEnv, keptAdminToken } from '../helpers/embedded-engine';
import { EngineProcess } from '../helpers/engine-process';
import { createTestDatabase, E2E_DRIVER, TestDatabase } from '../helpers/test-database';
import { SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';
import { deleteRedisKeys } from '../helpers/redis-keys';
import { makeSigningKey } from '@app/core';

const secret = (label: string) => `${label}-${randomBytes(24).toString('hex')}`;
const ADMIN_TOKEN = secret('admin');
const LINK_SECRET = secret('link');
const SECRETS_KEY = randomBytes(32).toString('hex');
const AUDIT_SIGNING_KEY = makeSigningKey();
const AUDIT_KEY = secret('audit');
const DB_PASSWORD = secret('dbpass');
const SMTP_USER = 'raci-mailer';
const prefix = `raci-secrets-${randomBytes(4).toString('hex')}`;
const SMTP_PASSWORD = secret('smtppass');
/** The X-Request-Id of a call refused for its body's size, to find in the logs. */
const TOO_LARGE_ID = `too-large-${randomBytes(4).toString('hex')}`;
const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };

/**
 * The built engine, as operators run it (API and worker in one process, LOG_LEVEL=trace), with secrets
 * in its environment and in the calls it serves: its logs must hold none of them.
 *
 * PostgreSQL only, because the database password is one of the secrets (trust auth on loopback lets
 * a URL carry any password).
 */
const describeOnPostgres = E2E_DRIVER === 'postgres' ? describe : describe.skip;

describeOnPostgres('secrets in the logs', () => {
  let database: TestDatabase;
  let smtp: SmtpListener;
  let engine: EngineProcess;
  /** Every secret the engine was given or made while running, found in no log line. */
  const secrets: Record<string, string> = {
    ADMIN_TOKEN,
    LINK_SECRET,
    SECRETS_KEY,
    AUDIT_SIGNING_KEY,
    AUDIT_KEY,
    'database password': DB_PASSWORD,
    'SMTP password': SMTP_PASSWORD,
  };

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    engine.call(method, path, token, body);

  beforeAll(async () => {
    database = await createTestDatabase();
    const databaseUrl = new URL(database.env.DATABASE_URL);
    databaseUrl.password = DB_PASSWORD;
    smtp = await new SmtpListener().start({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) =>
        auth.username === SMTP_USER && auth.password === SMTP_PASSWORD
          ? callback(null, { user: SMTP_USER })
          : callback(new Error('Invalid username or password')),
    });
    const smtpUrl = new URL(smtp.url);
    smtpUrl.username = SMTP_USER;
    smtpUrl.password = SMTP_PASSWORD;
    engine = await EngineProcess.start({
      role: 'all',
      env: {
        DATABASE_URL: databaseUrl.toString(),
        REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: prefix,
        SMTP_URL: smtpUrl.toString(),
        ADMIN_TOKEN,
        LINK_SECRET,
        SECRETS_KEY,
        AUDIT_SIGNING_KEY,
        AUDIT_KEY,
        // The webhook below goes to loopback, as a delivery attempt must be logged.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        LOG_LEVEL: 'trace',
        RELAY_POLL_MS: '50',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.stop();
    await smtp?.stop();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('logs no token, password, link or webhook secret, even at trace level', async () => {
    await exerciseEverySecret();
    await engine.stop();

    const logs = engine.logs.join('\n');
    const requestLines = engine.jsonLogs().filter((line) => line.req !== undefined);
    expect(requestLines.length).toBeGreaterThan(10);
    expect(logs).toContain('"authorization":"[redacted]"');
    // A body refused before any handler is logged under the id its answer carried.
    const tooLarge = requestLines.filter((line) => JSON.stringify(line).includes(TOO_LARGE_ID));
    expect(tooLarge).toEqual([
      expect.objectContaining({ req: expect.objectContaining({ id: TOO_LARGE_ID }) }),
    ]);
    expect(tooLarge[0].res).toMatchObject({ statusCode: 413 });
    for (const [name, value] of Object.entries(secrets)) {
      const leaks = engine.logs.filter((line) => line.includes(value));
      expect({ name, leaks: leaks.map((line) => line.slice(0, 300)) }).toEqual({ name, leaks: [] });
    }
  }, 120_000);

  /** Users, tokens, good and bad calls, a webhook, an approval email and its link, a sign-in. */
  async function exerciseEverySecret(): Promise<void> {
    const me = await call('GET', '/v1/me', ADMIN_TOKEN);
    const providerId = me.body.organization.id as string;
    const customer = await call('POST', '/v1/organizations', ADMIN_TOKEN, {
      name: 'Globex',
      subscription: { plan: 'on-request', onDemand: false },
      contactEmails: ['cloud@globex.example'],
      locale: 'en',
    });
    const requester = await createUser(customer.body.id, 'ada@globex.example', [
      'requester',
      'admin',
    ]);
    const approver = await createUser(providerId, 'grace@provider.example', ['approver']);

    const spare = await call('POST', `/v1/users/${requester.id}/tokens`, requester.token);
    keep('a second token', spare.body.token);
    await call('DELETE', `/v1/tokens/${spare.body.id}`, requester.token);
    expect((await call('GET', '/v1/me', spare.body.token)).status).toBe(401);
    for (const bad of [`${requester.token}x`, `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(1)]) {
      expect((await call('GET', '/v1/me', bad)).status).toBe(401);
    }
    expect((await call('GET', '/v1/me', requester.token)).status).toBe(200);
    const invalid = await call('POST', '/v1/organizations', ADMIN_TOKEN, { password: LINK_SECRET });
    expect(invalid.status).toBe(400);

    const webhook = await call('POST', '/v1/webhooks', requester.token, {
      url: 'http://127.0.0.1:9/raci',
    });
    expect(webhook.status).toBe(201);
    keep('the webhook secret', webhook.body.secret);

    const submitted = await call('POST', '/v1/requests', requester.token, REPLICA);
    expect(submitted.status).toBe(201);
    const link = await approvalLink(approver.email);
    keep('an email link', link.split('/').pop()!);
    expect((await call('GET', link)).status).toBe(200);
    expect((await call('GET', `${link.slice(0, -4)}0000`)).status).toBe(404);
    const approved = await fetch(`${engine.url}${link}`, { method: 'POST' });
    expect(approved.status).toBe(200);
    await signInByEmailLink(requester.email);
    const tooLarge = await fetch(`${engine.url}/v1/requests`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${requester.token}`,
        'content-type': 'application/json',
        'x-request-id': TOO_LARGE_ID,
      },
      body: JSON.stringify({ pad: 'x'.repeat(70_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('x-request-id')).toBe(TOO_LARGE_ID);
  }

  /** Asks for a sign-in link, signs in with it, then makes a change with the session cookie. */
  async function signInByEmailLink(email: string): Promise<void> {
    expect((await call('POST', '/auth/email-link', undefined, { email })).status).toBe(202);
    const mail = await waitFor(
      () => smtp.messages.find((m) => m.to.includes(email) && m.subject.startsWith('Sign in')),
      `the sign-in email to ${email}`,
      { timeoutMs: 30_000 },
    );
    const link = new URL(/^Sign in: (\S+)$/m.exec(mail.text)![1]).pathname;
    keep('a sign-in link', link.split('/').pop()!);
    expect((await call('GET', link)).status).toBe(200);
    const signedIn = await fetch(`${engine.url}${link}`, { method: 'POST', redirect: 'manual' });
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.getSetCookie()[0].split(';')[0];
    keep('a session cookie', cookie.split('=')[1]);
    const me = await fetch(`${engine.url}/v1/me`, { headers: { cookie } });
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    keep('a CSRF token', csrfToken);
    const changed = await fetch(`${engine.url}/v1/me/notification-preferences`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ informed: 'immediate' }),
    });
    expect(changed.status).toBe(200);
  }

  async function createUser(organizationId: string, email: string, roles: string[]) {
    const user = await call('POST', `/v1/organizations/${organizationId}/users`, ADMIN_TOKEN, {
      email,
      name: email.split('@')[0],
      roles,
    });
    expect(user.status).toBe(201);
    keep(`the token of ${email}`, user.body.token);
    return { id: user.body.id as string, email, token: user.body.token as string };
  }

  /** A secret and its distinctive part: a token without its `raci_`, a secret without `whsec_`. */
  function keep(name: string, value: string): void {
    secrets[name] = value;
    secrets[`${name} (body)`] = value.replace(/^(raci_|whsec_)/, '').slice(8);
  }

  async function approvalLink(email: string): Promise<string> {
    const mail = await waitFor(
      () => smtp.messages.find((m) => m.to.includes(email) && m.subject.startsWith('Approval')),
      `the approval email to ${email}`,
      { timeoutMs: 30_000 },
    );
    return new URL(/^Approve: (\S+)$/m.exec(mail.text)![1]).pathname;
  }
});

/**
 * The embedded default (`npm start` on a fresh clone) makes ADMIN_TOKEN and LINK_SECRET itself: the
 * admin token is in the one line of the start that made it and in no other, at trace level, across
 * calls that carry it and a restart; the link secret is in none.
 */
describeEmbedded('secrets the embedded default makes, in the logs', () => {
  const embeddedPrefix = `raci-secrets-embedded-${randomBytes(4).toString('hex')}`;
  let dir: string;
  let embedded: EngineProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raci-secrets-embedded-'));
    embedded = await EngineProcess.start({
      role: 'all',
      cwd: dir,
      env: { ...embeddedEnv(embeddedPrefix), LOG_LEVEL: 'trace' },
    });
  }, 60_000);
  afterAll(async () => {
    await embedded?.stop();
    await deleteRedisKeys(embeddedPrefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the admin token once, on its first start, and never logs either secret again', async () => {
    const token = keptAdminToken(dir);
    const linkSecret = readFileSync(join(dir, 'var', 'secrets', 'link-secret'), 'utf8').trim();
    const calls = async () => {
      for (const bearer of [token, `${token}x`, token.slice(1)]) {
        await fetch(`${embedded.url}/v1/me`, { headers: { authorization: `Bearer ${bearer}` } });
      }
      await fetch(`${embedded.url}/v1/organizations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: token, adminToken: token }),
      });
    };
    await calls();
    await embedded.stop();
    await embedded.start();
    await calls();
    await embedded.stop();

    expect(embedded.jsonLogs().filter((line) => line.req !== undefined).length).toBeGreaterThan(4);
    const shown = embedded.logs.filter((line) => line.includes(token));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^raci-engine: ADMIN_TOKEN .*shown this once: /);
    expect(embedded.logs.filter((line) => line.includes(token.slice(8)))).toEqual(shown);
    expect(embedded.logs.filter((line) => line.includes(linkSecret))).toEqual([]);
    const auditKey = readFileSync(join(dir, 'var', 'secrets', 'audit-key'), 'utf8').trim();
    expect(embedded.logs.filter((line) => line.includes(auditKey))).toEqual([]);
  }, 120_000);
});
