import { AUTH_CACHE_TTL_MAX_MS } from './env/sign-in.env';
import { Env, envSchema } from './env.schema';

/** Thrown when the environment does not match the schema; names every wrong variable. */
export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/** The validated configuration, injected wherever settings are needed. */
export class AppConfig {
  private constructor(readonly env: Env) {}

  static fromEnv(source: NodeJS.ProcessEnv = process.env): AppConfig {
    const defined = Object.fromEntries(
      Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
    );
    const parsed = envSchema.safeParse(defined);
    if (!parsed.success) {
      throw new InvalidConfigError(
        parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`),
      );
    }
    if (parsed.data.OIDC_ISSUER && !parsed.data.OIDC_CLIENT_ID) {
      throw new InvalidConfigError(['OIDC_CLIENT_ID is required when OIDC_ISSUER is set']);
    }
    const { AUTH_CACHE_TTL_MS, NODE_ENV } = parsed.data;
    if (AUTH_CACHE_TTL_MS > AUTH_CACHE_TTL_MAX_MS && NODE_ENV !== 'test') {
      throw new InvalidConfigError([
        `AUTH_CACHE_TTL_MS must be at most ${AUTH_CACHE_TTL_MAX_MS} (longer only with NODE_ENV=test)`,
      ]);
    }
    return new AppConfig(parsed.data);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /**
   * The one-command quick start: no `DATABASE_URL` and not `NODE_ENV=production`. Only there does
   * the engine make and keep its own secrets under `var/` and start a local Redis when none answers.
   */
  get isEmbeddedDefault(): boolean {
    return !this.env.DATABASE_URL && !this.isProduction;
  }

  /** Where people reach the API: `PUBLIC_URL` without a trailing slash, or localhost on `PORT`. */
  get publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/+$/, '');
  }

  /** The same configuration with some settings replaced (the secrets the embedded default keeps). */
  with(settings: Partial<Env>): AppConfig {
    return new AppConfig({ ...this.env, ...settings });
  }

  /** Cookies carry `Secure` whenever people reach the engine over https. */
  get secureCookies(): boolean {
    return this.publicUrl.startsWith('https://');
  }

  /** The `aud` the identity provider's access tokens must name: `OIDC_AUDIENCE` or the client id. */
  get oidcAudience(): string | undefined {
    return this.env.OIDC_AUDIENCE ?? this.env.OIDC_CLIENT_ID;
  }

  get logFormat(): 'json' | 'pretty' {
    return this.env.LOG_FORMAT ?? (this.env.NODE_ENV === 'development' ? 'pretty' : 'json');
  }

  get databaseDriver(): 'postgres' | 'sqlite' {
    return this.env.DATABASE_URL ? 'postgres' : 'sqlite';
  }
}
