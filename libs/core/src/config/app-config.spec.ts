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

  it('treats empty variables as unset', () => {
    expect(AppConfig.fromEnv({ SMTP_URL: '' }).env.SMTP_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL must be a URL starting with postgres/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL/],
    ['SMTP_URL', 'http://mail', /SMTP_URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('names %s when its value is wrong', (name, value, message) => {
    expect(() => AppConfig.fromEnv({ [name]: value })).toThrow(InvalidConfigError);
    expect(() => AppConfig.fromEnv({ [name]: value })).toThrow(message);
  });
});
