import { AppConfig, InvalidConfigError } from './app-config';

describe('AppConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = AppConfig.fromEnv({});
    expect(config.env.PORT).toBe(3000);
    expect(config.env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.databaseDriver).toBe('sqlite');
    expect(config.logFormat).toBe('pretty');
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const config = AppConfig.fromEnv({
      DATABASE_URL: 'postgres://localhost/test',
      NODE_ENV: 'production',
    });
    expect(config.databaseDriver).toBe('postgres');
    expect(config.logFormat).toBe('json');
  });

  it('sends daily digests at 08:00 UTC unless told another hour and time zone', () => {
    expect(AppConfig.fromEnv({}).env).toMatchObject({ DIGEST_HOUR: 8, DIGEST_TIMEZONE: 'UTC' });
    const paris = AppConfig.fromEnv({ DIGEST_HOUR: '7', DIGEST_TIMEZONE: 'Europe/Paris' });
    expect(paris.env).toMatchObject({ DIGEST_HOUR: 7, DIGEST_TIMEZONE: 'Europe/Paris' });
  });

  it('refuses a Redis Cluster with a QUEUE_PREFIX that holds no hash tag, in one line', () => {
    const cluster = { REDIS_URL: 'redis+cluster://10.0.0.1:7001,10.0.0.2:7002' };
    expect(() => AppConfig.fromEnv(cluster)).toThrow(
      new InvalidConfigError([
        'QUEUE_PREFIX "raci" must hold a hash tag on a Redis Cluster, e.g. "{raci}", ' +
          "so that each queue's keys share one slot",
      ]),
    );
    expect(AppConfig.fromEnv({ ...cluster, QUEUE_PREFIX: '{raci}' }).env.QUEUE_PREFIX).toBe(
      '{raci}',
    );
  });

  it('treats empty variables as unset', () => {
    expect(AppConfig.fromEnv({ SMTP_URL: '' }).env.SMTP_URL).toBeUndefined();
  });

  it('has no bootstrap admin token unless ADMIN_TOKEN is set, and names the provider', () => {
    expect(AppConfig.fromEnv({}).env.ADMIN_TOKEN).toBeUndefined();
    expect(AppConfig.fromEnv({}).env.PROVIDER_NAME).toBe('Provider');
    const token = 'a-bootstrap-admin-token-of-32-chars';
    expect(AppConfig.fromEnv({ ADMIN_TOKEN: token }).env.ADMIN_TOKEN).toBe(token);
  });

  it('refuses a short ADMIN_TOKEN without repeating it', () => {
    expect(() => AppConfig.fromEnv({ ADMIN_TOKEN: 'short-secret' })).toThrow(
      'ADMIN_TOKEN must be at least 32 characters long',
    );
    expect(() => AppConfig.fromEnv({ ADMIN_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('is the embedded default without DATABASE_URL outside production, and only there', () => {
    expect(AppConfig.fromEnv({}).isEmbeddedDefault).toBe(true);
    expect(AppConfig.fromEnv({ NODE_ENV: 'test' }).isEmbeddedDefault).toBe(true);
    expect(AppConfig.fromEnv({ NODE_ENV: 'production' }).isEmbeddedDefault).toBe(false);
    expect(AppConfig.fromEnv({ DATABASE_URL: 'postgres://db/raci' }).isEmbeddedDefault).toBe(false);
  });

  it('reaches the API at PUBLIC_URL without its trailing slash, else at localhost on PORT', () => {
    expect(AppConfig.fromEnv({ PORT: '3100' }).publicUrl).toBe('http://localhost:3100');
    const config = AppConfig.fromEnv({ PUBLIC_URL: 'https://raci.example/engine/' });
    expect(config.publicUrl).toBe('https://raci.example/engine');
  });

  it('allows no origin across origins by default, and exactly the listed ones otherwise', () => {
    expect(AppConfig.fromEnv({}).env.CORS_ORIGINS).toEqual([]);
    const listed = 'https://portal.example.com, http://localhost:5173,';
    expect(AppConfig.fromEnv({ CORS_ORIGINS: listed }).env.CORS_ORIGINS).toEqual([
      'https://portal.example.com',
      'http://localhost:5173',
    ]);
  });

  it('refuses a read replica without a primary PostgreSQL', () => {
    const replica = { DATABASE_REPLICA_URL: 'postgres://replica/raci' };
    expect(() => AppConfig.fromEnv(replica)).toThrow(/DATABASE_REPLICA_URL requires DATABASE_URL/);
    const both = { ...replica, DATABASE_URL: 'postgres://primary/raci' };
    expect(AppConfig.fromEnv(both).env.DATABASE_REPLICA_URL).toBe('postgres://replica/raci');
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_REPLICA_URL', 'mysql://replica/db', /DATABASE_REPLICA_URL must be a URL/],
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL must be a URL starting with postgres/],
    ['DATABASE_CONNECT_TIMEOUT_MS', 'soon', /DATABASE_CONNECT_TIMEOUT_MS/],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '10', /DATABASE_STATEMENT_TIMEOUT_MS/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL/],
    ['SMTP_URL', 'http://mail', /SMTP_URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['DIGEST_HOUR', '24', /DIGEST_HOUR/],
    ['DIGEST_TIMEZONE', 'Mars/Olympus_Mons', /DIGEST_TIMEZONE must be an IANA time zone/],
    [
      'CORS_ORIGINS',
      'https://portal.example.com/',
      /CORS_ORIGINS each origin is a scheme, host and optional port/,
    ],
    ['CORS_ORIGINS', '*', /CORS_ORIGINS/],
    ['CORS_ORIGINS', 'portal.example.com', /CORS_ORIGINS/],
    ['CORS_ORIGINS', 'https://a.example, ftp://b.example', /CORS_ORIGINS/],
  ])('names %s when its value is wrong', (name, value, message) => {
    expect(() => AppConfig.fromEnv({ [name]: value })).toThrow(InvalidConfigError);
    expect(() => AppConfig.fromEnv({ [name]: value })).toThrow(message);
  });
});
