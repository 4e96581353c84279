import { clusterPrefixProblem } from '../redis/redis-cluster';
import { AUTH_CACHE_TTL_MAX_MS } from './env/sign-in.env';
import { Env, envSchema } from './env.schema';

/** Thrown when the environment does not match the schema; names every wrong variable. */
export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/** Rules that tie settings to one another, which the per-setting schema cannot say. */
function crossSettingProblems(env: Env): string[] {
  const problems = [
    env.OIDC_ISSUER && !env.OIDC_CLIENT_ID
      ? 'OIDC_CLIENT_ID is required when OIDC_ISSUER is set'
      : null,
    env.DATABASE_REPLICA_URL && !env.DATABASE_URL
      ? 'DATABASE_REPLICA_URL requires DATABASE_URL (PostgreSQL)'
      : null,
    clusterPrefixProblem(env.REDIS_URL, env.QUEUE_PREFIX),
    env.AUTH_CACHE_TTL_MS > AUTH_CACHE_TTL_MAX_MS && env.NODE_ENV !== 'test'
      ? `AUTH_CACHE_TTL_MS must be at most ${AUTH_CACHE_TTL_MAX_MS} (longer only with NODE_ENV=test)`
      : null,
  ];
  return problems.filter((problem): problem is string => typeof problem === 'string');
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
    const problems = crossSettingProblems(parsed.data);
    if (problems.length > 0) throw new InvalidConfigError(problems);
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
