import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  approveLinkFor,
  describeEmbedded,
  FreshEngine,
  keptAdminToken,
  startToExit,
  startupLines,
} from '../helpers/embedded-engine';
import { EngineProcess } from '../helpers/engine-process';
import { makeSigningKey } from '@app/core';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };
const mode = (path: string) => statSync(path).mode & 0o777;

/**
 * The built engine started as on a fresh clone (`npm start`: no DATABASE_URL, no ADMIN_TOKEN, no
 * LINK_SECRET), in an empty folder of its own: it makes both secrets once, keeps them under `var/`,
 * shows the admin token on its first start only, and a restart breaks no link already mailed.
 */
describeEmbedded('the secrets of the embedded default', () => {
  jest.setTimeout(120_000);
  let fresh: FreshEngine;
  let dir: string;
  let engine: EngineProcess;

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    engine.call(method, path, token, body);

  beforeAll(async () => {
    fresh = await FreshEngine.start('embedded');
    ({ dir, engine } = fresh);
  }, 60_000);
  afterAll(() => fresh?.close());

  it('first start: makes the admin token, keeps it 0600 and prints it once, in one line', async () => {
    const secrets = join(dir, 'var', 'secrets');
    expect(mode(secrets)).toBe(0o700);
    expect(mode(join(secrets, 'admin-token'))).toBe(0o600);
    expect(mode(join(secrets, 'link-secret'))).toBe(0o600);
    expect(mode(join(secrets, 'audit-key'))).toBe(0o600);
    const token = keptAdminToken(dir);
    expect(token.length).toBeGreaterThanOrEqual(32);

    const shown = engine.logs.filter((line) => line.includes(token));
    expect(shown).toEqual([
      `raci-engine: ADMIN_TOKEN (the bootstrap admin's bearer token), shown this once: ${token} ` +
        '(kept in var/secrets/admin-token; set ADMIN_TOKEN to use another)',
    ]);
    const lines = startupLines(engine.logs);
    expect(lines).toContain(
      'raci-engine: LINK_SECRET made and kept in var/secrets/link-secret ' +
        '(signs the approve/reject links of emails; the same in every process)',
    );
    expect(lines).toContain(
      'raci-engine: AUDIT_KEY made and kept in var/secrets/audit-key (keys the MACs that chain ' +
        'the history and the admin audit log; the same in every process)',
    );
    expect(lines).toContain(
      'raci-engine: AUDIT_SIGNING_KEY made and kept in var/secrets/audit-signing-key (signs the ' +
        'checkpoints of the audit logs; the same in every process)',
    );
    expect(lines.at(-1)).toBe(
      `raci-engine: API http://localhost:${engine.port}  docs http://localhost:${engine.port}/docs  ` +
        `console http://localhost:${engine.port}/  (no SMTP_URL: mail, sign-in links included, ` +
        'is written to var/mail)',
    );
    expect((await call('GET', '/v1/me', token)).status).toBe(200);
  });

  it('a restart reuses both secrets, prints neither, and a link mailed before it still works', async () => {
    const token = keptAdminToken(dir);
    const { body: provider } = await call('GET', '/v1/me', token);
    const { body: globex } = await call('POST', '/v1/organizations', token, {
      name: 'Globex',
      subscription: { plan: 'on-request', onDemand: false },
      contactEmails: ['cloud@globex.example'],
    });
    const requester = await user(token, globex.id, 'ada@globex.example', 'requester');
    await user(token, provider.organization.id, 'grace@provider.example', 'approver');
    const submitted = await call('POST', '/v1/requests', requester, REPLICA);
    expect(submitted.status).toBe(201);
    const link = new URL(await approveLinkFor(dir, 'grace@provider.example'));
    expect(link.origin).toBe(`http://localhost:${engine.port}`);

    const firstRun = engine.logs.length;
    await engine.stop();
    await engine.start();

    const secondRun = engine.logs.slice(firstRun);
    const linkSecret = readLinkSecret();
    for (const secret of [token, linkSecret]) {
      expect(secondRun.filter((line) => line.includes(secret))).toEqual([]);
    }
    expect(startupLines(secondRun)).toEqual([
      'raci-engine: ADMIN_TOKEN, LINK_SECRET, SECRETS_KEY, AUDIT_KEY and AUDIT_SIGNING_KEY read from var/secrets',
      expect.stringMatching(/^raci-engine: API http:\/\/localhost:\d+ {2}docs /),
    ]);
    expect(keptAdminToken(dir)).toBe(token);
    expect((await call('GET', '/v1/me', token)).status).toBe(200);

    expect((await call('GET', link.pathname)).status).toBe(200);
    const decided = await fetch(`${engine.url}${link.pathname}`, { method: 'POST' });
    expect(decided.status).toBe(200);
    const request = await call('GET', `/v1/requests/${submitted.body.id}`, requester);
    expect(request.body.state).toBe('approved');
  });

  async function user(admin: string, organizationId: string, email: string, role: string) {
    const created = await call('POST', `/v1/organizations/${organizationId}/users`, admin, {
      email,
      name: email.split('@')[0],
      roles: [role],
    });
    expect(created.status).toBe(201);
    return created.body.token as string;
  }

  function readLinkSecret(): string {
    return readFileSync(join(dir, 'var', 'secrets', 'link-secret'), 'utf8').trim();
  }
});

/**
 * Anywhere but the embedded default (DATABASE_URL set, or NODE_ENV=production) the secrets every
 * process must share come from the environment: a start without them is refused, one line each.
 * The refusal comes before any connection, so no database or Redis is needed.
 */
describeEmbedded('the secrets elsewhere', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'raci-elsewhere-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses DATABASE_URL without ADMIN_TOKEN in one clear line, and keeps nothing', async () => {
    const exit = await startToExit(
      {
        NODE_ENV: 'development',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/raci_never_created',
        LINK_SECRET: 'a-link-secret-of-the-deployment-0123456789',
        SECRETS_KEY: 'ab'.repeat(32),
        AUDIT_KEY: 'an-audit-key-of-the-deployment-0123456789',
        AUDIT_SIGNING_KEY: makeSigningKey(),
      },
      { cwd: dir },
    );
    expect(exit.code).toBe(1);
    expect(exit.stderr).toEqual([
      'raci-engine: config: ADMIN_TOKEN is required because DATABASE_URL is set ' +
        "(the bootstrap admin's bearer token): set it to 32 characters or more, e.g. the output " +
        'of `openssl rand -hex 32`',
    ]);
    expect(exit.stdout).toEqual([]);
    expect(() => statSync(join(dir, 'var'))).toThrow(/ENOENT/);
  });

  it('refuses NODE_ENV=production without either, one line per missing variable', async () => {
    const exit = await startToExit({ NODE_ENV: 'production' }, { cwd: dir });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toEqual([
      expect.stringMatching(
        /^raci-engine: config: ADMIN_TOKEN is required because NODE_ENV is production /,
      ),
      expect.stringMatching(
        /^raci-engine: config: LINK_SECRET is required because NODE_ENV is production /,
      ),
      expect.stringMatching(
        /^raci-engine: config: SECRETS_KEY is required because NODE_ENV is production /,
      ),
      expect.stringMatching(
        /^raci-engine: config: AUDIT_KEY is required because NODE_ENV is production /,
      ),
      expect.stringMatching(
        /^raci-engine: config: AUDIT_SIGNING_KEY is required because NODE_ENV is production /,
      ),
    ]);
    expect(() => statSync(join(dir, 'var'))).toThrow(/ENOENT/);
  });
});
