import { isRedisUrl, redisOptions } from './redis-connection';

describe('redisOptions', () => {
  it('reads one Redis from redis:// with credentials and database', () => {
    const options = redisOptions('redis://app:s%40cret@cache.internal:6380/2');
    expect(options).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'app',
      password: 's@cret',
      db: 2,
      maxRetriesPerRequest: null,
    });
    expect(options.tls).toBeUndefined();
  });

  it('turns TLS on for rediss://', () => {
    expect(redisOptions('rediss://cache.internal').tls).toEqual({});
  });

  it('reads a Sentinel set: its sentinels, the master name, the password and the database', () => {
    const options = redisOptions('redis+sentinel://:pw%2Fx@s1:26379,s2:26380,s3/raci-master/1');
    expect(options).toMatchObject({
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
        { host: 's3', port: 26379 },
      ],
      name: 'raci-master',
      password: 'pw/x',
      db: 1,
      maxRetriesPerRequest: null,
    });
    expect(options.host).toBeUndefined();
  });
});

describe('isRedisUrl', () => {
  it.each([
    'redis://127.0.0.1:6379',
    'rediss://user:pw@cache:6380/1',
    'redis+sentinel://s1:26379/mymaster',
    'redis+sentinel://:pw@s1:26379,s2:26379/mymaster/2',
  ])('accepts %s', (url) => expect(isRedisUrl(url)).toBe(true));

  it.each([
    'localhost:6379',
    'http://cache:6379',
    'redis+sentinel://s1:26379',
    'redis+sentinel://s1:26379,,s2/mymaster',
    'redis+sentinel://s1:port/mymaster',
  ])('refuses %s', (url) => expect(isRedisUrl(url)).toBe(false));
});
