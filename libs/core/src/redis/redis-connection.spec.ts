import Redis, { Cluster } from 'ioredis';
import { createRedisClient, isRedisUrl, redisOptions } from './redis-connection';

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

describe('createRedisClient', () => {
  it('opens a Cluster from the seed nodes, its settings at the cluster or the node level', () => {
    const client = createRedisClient('redis+cluster://:pw@n1:7001,n2:7002', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    expect(client).toBeInstanceOf(Cluster);
    const { options } = client as Cluster;
    const { startupNodes } = client as unknown as { startupNodes: unknown };
    expect(startupNodes).toEqual([
      { host: 'n1', port: 7001 },
      { host: 'n2', port: 7002 },
    ]);
    expect(options).toMatchObject({ lazyConnect: true, enableOfflineQueue: false });
    expect(options.clusterRetryStrategy?.(1)).toBeNull();
    expect(options.redisOptions).toMatchObject({ password: 'pw', maxRetriesPerRequest: 0 });
    client.disconnect();
  });

  it('speaks TLS to every node of a rediss+cluster:// URL, dialling the seeds by name', () => {
    const client = createRedisClient('rediss+cluster://cache.internal:6380', { lazyConnect: true });
    const { options } = client as Cluster;
    expect(options.redisOptions?.tls).toEqual({});
    const dialled = jest.fn();
    options.dnsLookup?.('cache.internal', dialled);
    expect(dialled).toHaveBeenCalledWith(null, 'cache.internal');
    client.disconnect();
  });

  it('speaks plain Redis to the nodes of a redis+cluster:// URL', () => {
    const client = createRedisClient('redis+cluster://n1:7001', { lazyConnect: true });
    expect((client as Cluster).options.redisOptions?.tls).toBeUndefined();
    client.disconnect();
  });

  it('opens a Redis for one server, with the engine defaults', () => {
    const client = createRedisClient('redis://127.0.0.1:6390/3', { lazyConnect: true });
    expect(client).toBeInstanceOf(Redis);
    expect((client as Redis).options).toMatchObject({
      port: 6390,
      db: 3,
      maxRetriesPerRequest: null,
    });
    client.disconnect();
  });
});

describe('isRedisUrl', () => {
  it.each([
    'redis://127.0.0.1:6379',
    'rediss://user:pw@cache:6380/1',
    'redis+sentinel://s1:26379/mymaster',
    'redis+sentinel://:pw@s1:26379,s2:26379/mymaster/2',
    'redis+cluster://n1:7001,n2:7002,n3:7003',
    'redis+cluster://:pw@n1:7001',
    'rediss+cluster://:pw@n1:7001,n2:7002',
  ])('accepts %s', (url) => expect(isRedisUrl(url)).toBe(true));

  it.each([
    'localhost:6379',
    'http://cache:6379',
    'redis+sentinel://s1:26379',
    'redis+sentinel://s1:26379,,s2/mymaster',
    'redis+sentinel://s1:port/mymaster',
    'redis+cluster://n1:7001/2',
    'redis+cluster://n1:7001,,n2:7002',
  ])('refuses %s', (url) => expect(isRedisUrl(url)).toBe(false));
});
