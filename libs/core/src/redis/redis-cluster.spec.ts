import { clusterPrefixProblem, hasHashTag, parseClusterUrl } from './redis-cluster';

describe('parseClusterUrl', () => {
  it('reads the seed nodes, with 6379 as the default port, and the decoded credentials', () => {
    expect(parseClusterUrl('redis+cluster://app:s%40cret@n1:7001,n2,10.0.0.3:7003')).toEqual({
      nodes: [
        { host: 'n1', port: 7001 },
        { host: 'n2', port: 6379 },
        { host: '10.0.0.3', port: 7003 },
      ],
      username: 'app',
      password: 's@cret',
      tls: false,
    });
  });

  it('reads rediss+cluster:// as a cluster spoken to over TLS', () => {
    expect(parseClusterUrl('rediss+cluster://cache.internal:6380')).toEqual({
      nodes: [{ host: 'cache.internal', port: 6380 }],
      username: undefined,
      password: undefined,
      tls: true,
    });
  });

  it('takes a password alone, and a trailing slash', () => {
    expect(parseClusterUrl('redis+cluster://:pw@n1:7001/')).toEqual({
      nodes: [{ host: 'n1', port: 7001 }],
      username: undefined,
      password: 'pw',
      tls: false,
    });
  });

  it.each([
    'redis://n1:7001',
    'redis+cluster://',
    'redis+cluster://n1:7001,,n2:7002',
    'redis+cluster://n1:port',
    'redis+cluster://n1:7001/0',
    'redisss+cluster://n1:7001',
  ])('refuses %s', (url) => expect(parseClusterUrl(url)).toBeUndefined());
});

describe('hasHashTag', () => {
  it.each(['{raci}', '{raci}-staging', 'prod:{raci}', '{a}{b}'])('sees one in %s', (prefix) =>
    expect(hasHashTag(prefix)).toBe(true),
  );

  it.each(['raci', '{}raci', '{raci', 'raci}', '}raci{'])('sees none in %s', (prefix) =>
    expect(hasHashTag(prefix)).toBe(false),
  );
});

describe('clusterPrefixProblem', () => {
  it('refuses a prefix without a hash tag on a cluster, suggesting one', () => {
    expect(clusterPrefixProblem('redis+cluster://n1:7001', 'raci')).toBe(
      'QUEUE_PREFIX "raci" must hold a hash tag on a Redis Cluster, e.g. "{raci}", ' +
        "so that each queue's keys share one slot",
    );
  });

  it('takes a hash-tagged prefix on a cluster, and any prefix elsewhere', () => {
    expect(clusterPrefixProblem('redis+cluster://n1:7001', '{raci}')).toBeUndefined();
    expect(clusterPrefixProblem('redis://127.0.0.1:6379', 'raci')).toBeUndefined();
    expect(clusterPrefixProblem('redis+sentinel://s1/master', 'raci')).toBeUndefined();
  });
});
