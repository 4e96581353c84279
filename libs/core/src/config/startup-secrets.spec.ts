import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, InvalidConfigError } from './app-config';
import { makeSigningKey, parseSigningKey } from './audit-signing-key';
import { SecretStore } from './secret-store';
import {
  keepEmbeddedSecrets,
  missingSecrets,
  requireSecretsOutsideEmbeddedDefault,
} from './startup-secrets';

const GIVEN_TOKEN = 'given-admin-token-0123456789abcdef0123';
const GIVEN_LINK_SECRET = 'given-link-secret-0123456789abcdef0123';
const GIVEN_SECRETS_KEY = '0123456789abcdef'.repeat(4);
const GIVEN_AUDIT_KEY = 'given-audit-key-0123456789abcdef012345';
const GIVEN_SIGNING_KEY = makeSigningKey();

describe('the secrets a start needs', () => {
  let root: string;
  let store: SecretStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'raci-startup-secrets-'));
    store = new SecretStore(join(root, 'secrets'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('in the embedded default (no DATABASE_URL, not production)', () => {
    const embedded = AppConfig.fromEnv({ NODE_ENV: 'development' });

    it('lets a start without ADMIN_TOKEN, LINK_SECRET, SECRETS_KEY, AUDIT_KEY or AUDIT_SIGNING_KEY through', () => {
      expect(() => requireSecretsOutsideEmbeddedDefault(embedded)).not.toThrow();
    });

    it('makes them at first start and shows the admin token in one line, the others in none', () => {
      const { config, lines } = keepEmbeddedSecrets(embedded, store);
      const token = config.env.ADMIN_TOKEN!;
      const linkSecret = config.env.LINK_SECRET!;
      const secretsKey = config.env.SECRETS_KEY!;
      const auditKey = config.env.AUDIT_KEY!;
      expect(auditKey.length).toBeGreaterThanOrEqual(32);
      expect(auditKey).not.toBe(linkSecret);
      expect(lines.join('\n')).not.toContain(auditKey);
      expect(statSync(join(store.dir, 'audit-key')).mode & 0o777).toBe(0o600);
      expect(Buffer.from(secretsKey, 'base64')).toHaveLength(32);
      expect(lines.join('\n')).not.toContain(secretsKey);
      expect(statSync(join(store.dir, 'secrets-key')).mode & 0o777).toBe(0o600);
      expect(token).toMatch(/^raci_[A-Za-z0-9_-]{43}$/);
      expect(linkSecret.length).toBeGreaterThanOrEqual(32);
      expect(missingSecrets(config)).toEqual([]);
      expect(lines.filter((line) => line.includes(token))).toHaveLength(1);
      expect(lines.find((line) => line.includes(token))).toContain(
        `kept in ${join(store.dir, 'admin-token')}`,
      );
      expect(lines.join('\n')).not.toContain(linkSecret);
      expect(statSync(join(store.dir, 'link-secret')).mode & 0o777).toBe(0o600);
      const signingKey = config.env.AUDIT_SIGNING_KEY!;
      expect(parseSigningKey(signingKey)?.asymmetricKeyType).toBe('ed25519');
      expect(lines.join('\n')).not.toContain(signingKey);
      expect(statSync(join(store.dir, 'audit-signing-key')).mode & 0o777).toBe(0o600);
    });

    it('reuses them at later starts and says only where they are kept', () => {
      const first = keepEmbeddedSecrets(embedded, store).config;
      const { config, lines } = keepEmbeddedSecrets(embedded, store);
      expect(config.env.ADMIN_TOKEN).toBe(first.env.ADMIN_TOKEN);
      expect(config.env.LINK_SECRET).toBe(first.env.LINK_SECRET);
      expect(config.env.SECRETS_KEY).toBe(first.env.SECRETS_KEY);
      expect(config.env.AUDIT_KEY).toBe(first.env.AUDIT_KEY);
      expect(config.env.AUDIT_SIGNING_KEY).toBe(first.env.AUDIT_SIGNING_KEY);
      expect(lines).toEqual([
        `ADMIN_TOKEN, LINK_SECRET, SECRETS_KEY, AUDIT_KEY and AUDIT_SIGNING_KEY read from ${store.dir}`,
      ]);
    });

    it('keeps only what the environment does not give, and says nothing of the rest', () => {
      const given = AppConfig.fromEnv({
        ADMIN_TOKEN: GIVEN_TOKEN,
        SECRETS_KEY: GIVEN_SECRETS_KEY,
        AUDIT_KEY: GIVEN_AUDIT_KEY,
        AUDIT_SIGNING_KEY: GIVEN_SIGNING_KEY,
      });
      const { config, lines } = keepEmbeddedSecrets(given, store);
      expect(config.env.ADMIN_TOKEN).toBe(GIVEN_TOKEN);
      expect(config.env.SECRETS_KEY).toBe(GIVEN_SECRETS_KEY);
      expect(lines).toEqual([expect.stringMatching(/^LINK_SECRET made and kept in /)]);
      expect(lines.join('\n')).not.toContain(GIVEN_TOKEN);
    });

    it('touches no file when the environment gives them all', () => {
      const given = AppConfig.fromEnv({
        ADMIN_TOKEN: GIVEN_TOKEN,
        LINK_SECRET: GIVEN_LINK_SECRET,
        SECRETS_KEY: GIVEN_SECRETS_KEY,
        AUDIT_KEY: GIVEN_AUDIT_KEY,
        AUDIT_SIGNING_KEY: GIVEN_SIGNING_KEY,
      });
      expect(keepEmbeddedSecrets(given, store)).toEqual({ config: given, lines: [] });
      expect(() => statSync(store.dir)).toThrow(/ENOENT/);
    });
  });

  describe('elsewhere (DATABASE_URL set, or NODE_ENV=production)', () => {
    it.each([
      [{ DATABASE_URL: 'postgres://db/raci' }, 'DATABASE_URL is set'],
      [{ NODE_ENV: 'production' }, 'NODE_ENV is production'],
    ])('refuses a start without them, one problem per variable (%j)', (env, why) => {
      const config = AppConfig.fromEnv(env);
      const problems = refusal(config);
      expect(problems).toHaveLength(5);
      expect(problems[0]).toMatch(new RegExp(`^ADMIN_TOKEN is required because ${why} `));
      expect(problems[1]).toMatch(new RegExp(`^LINK_SECRET is required because ${why} `));
      expect(problems[2]).toMatch(new RegExp(`^SECRETS_KEY is required because ${why} `));
      expect(problems[3]).toMatch(new RegExp(`^AUDIT_KEY is required because ${why} `));
      expect(problems[4]).toMatch(new RegExp(`^AUDIT_SIGNING_KEY is required because ${why} `));
    });

    it('names only the one that is missing', () => {
      const config = AppConfig.fromEnv({
        NODE_ENV: 'production',
        ADMIN_TOKEN: GIVEN_TOKEN,
        SECRETS_KEY: GIVEN_SECRETS_KEY,
        AUDIT_KEY: GIVEN_AUDIT_KEY,
        AUDIT_SIGNING_KEY: GIVEN_SIGNING_KEY,
      });
      expect(refusal(config)).toEqual([expect.stringMatching(/^LINK_SECRET is required/)]);
    });

    it('never makes or keeps one, even when asked', () => {
      const config = AppConfig.fromEnv({ NODE_ENV: 'production' });
      expect(keepEmbeddedSecrets(config, store)).toEqual({ config, lines: [] });
      expect(() => statSync(store.dir)).toThrow(/ENOENT/);
    });
  });
});

function refusal(config: AppConfig): string[] {
  try {
    requireSecretsOutsideEmbeddedDefault(config);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return (error as InvalidConfigError).problems;
  }
  throw new Error('the start was not refused');
}
