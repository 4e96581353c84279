import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppConfig, InvalidConfigError } from './app-config';
import { makeSigningKey } from './audit-signing-key';
import { SecretStore, SecretStoreError } from './secret-store';

/** Where the embedded default keeps what it makes for itself, relative to the working directory. */
export const LOCAL_STATE_DIR = 'var';
/** The folder of the secrets it makes: one file each, readable by its owner only. */
export const SECRETS_DIR = join(LOCAL_STATE_DIR, 'secrets');

/** The secrets every process of a deployment shares, which the embedded default may make. */
export type StartupSecret =
  'ADMIN_TOKEN' | 'LINK_SECRET' | 'SECRETS_KEY' | 'AUDIT_KEY' | 'AUDIT_SIGNING_KEY';

const SECRETS: Record<StartupSecret, { file: string; what: string; make: () => string }> = {
  ADMIN_TOKEN: {
    file: 'admin-token',
    what: "the bootstrap admin's bearer token",
    make: () => `raci_${randomBytes(32).toString('base64url')}`,
  },
  LINK_SECRET: {
    file: 'link-secret',
    what: 'signs the approve/reject links of emails; the same in every process',
    make: () => randomBytes(32).toString('base64url'),
  },
  SECRETS_KEY: {
    file: 'secrets-key',
    what: 'encrypts the webhook signing secrets kept in the database; the same in every process',
    make: () => randomBytes(32).toString('base64'),
  },
  AUDIT_KEY: {
    file: 'audit-key',
    what: 'keys the MACs that chain the history and the admin audit log; the same in every process',
    make: () => randomBytes(32).toString('base64url'),
  },
  AUDIT_SIGNING_KEY: {
    file: 'audit-signing-key',
    what: 'signs the checkpoints of the audit logs; the same in every process',
    make: makeSigningKey,
  },
};
const NAMES = Object.keys(SECRETS) as StartupSecret[];

const HOW: Record<StartupSecret, string> = {
  ADMIN_TOKEN: 'set it to 32 characters or more, e.g. the output of `openssl rand -hex 32`',
  LINK_SECRET: 'set it to 32 characters or more, e.g. the output of `openssl rand -hex 32`',
  SECRETS_KEY: 'set it to 32 bytes in hex or base64, e.g. the output of `openssl rand -hex 32`',
  AUDIT_KEY: 'set it to 32 characters or more, e.g. the output of `openssl rand -hex 32`',
  AUDIT_SIGNING_KEY: 'set it to an Ed25519 private key, e.g. `openssl genpkey -algorithm ed25519`',
};

/** The file under `var/secrets` that keeps `name` in the embedded default. */
export function secretFile(name: StartupSecret, dir = SECRETS_DIR): string {
  return join(dir, SECRETS[name].file);
}

/** The secrets the environment does not give. */
export function missingSecrets(config: AppConfig): StartupSecret[] {
  return NAMES.filter((name) => !config.env[name]);
}

/**
 * Outside the embedded default (`DATABASE_URL` set or `NODE_ENV=production`) every secret must come
 * from the environment: a process that made its own would not match the others. Throws one problem
 * per missing variable.
 */
export function requireSecretsOutsideEmbeddedDefault(config: AppConfig): void {
  const missing = missingSecrets(config);
  if (config.isEmbeddedDefault || missing.length === 0) return;
  const why = config.env.DATABASE_URL ? 'DATABASE_URL is set' : 'NODE_ENV is production';
  throw new InvalidConfigError(
    missing.map(
      (name) => `${name} is required because ${why} (${SECRETS[name].what}): ${HOW[name]}`,
    ),
  );
}

/** The configuration with every secret set, and the lines that tell the operator what was done. */
export interface KeptSecrets {
  config: AppConfig;
  lines: string[];
}

/**
 * In the embedded default, takes each secret the environment does not give from `store`, making it
 * the first time. The admin token is shown in the one line of the start that made it, and never
 * again; later starts only say where the secrets are kept.
 */
export function keepEmbeddedSecrets(
  config: AppConfig,
  store = new SecretStore(SECRETS_DIR),
): KeptSecrets {
  const missing = missingSecrets(config);
  if (!config.isEmbeddedDefault || missing.length === 0) return { config, lines: [] };
  const lines: string[] = [];
  const reused: string[] = [];
  const values: Partial<Record<StartupSecret, string>> = {};
  for (const name of missing) {
    const kept = keep(store, name);
    values[name] = kept.value;
    if (!kept.created) reused.push(name);
    else if (name === 'ADMIN_TOKEN') {
      lines.push(
        `ADMIN_TOKEN (${SECRETS[name].what}), shown this once: ${kept.value} ` +
          `(kept in ${kept.path}; set ADMIN_TOKEN to use another)`,
      );
    } else {
      lines.push(`${name} made and kept in ${kept.path} (${SECRETS[name].what})`);
    }
  }
  if (reused.length > 0) lines.push(`${listed(reused)} read from ${store.dir}`);
  return { config: config.with(values), lines };
}

function keep(store: SecretStore, name: StartupSecret) {
  const file = SECRETS[name].file;
  try {
    return store.getOrCreate(file, SECRETS[name].make);
  } catch (error) {
    if (error instanceof SecretStoreError) throw error;
    throw new SecretStoreError(
      `${name} could not be kept in ${join(store.dir, file)} (${(error as Error).message}): ` +
        `set ${name}, or start from a folder where var/ can be written`,
    );
  }
}

/** "A", "A and B", "A, B and C". */
function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
