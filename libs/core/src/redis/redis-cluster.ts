/** `redis+cluster://[[user]:password@]host:port[,host:port…]`, `rediss+cluster://` with TLS */
const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@]+)\/?$/;
const CLUSTER_NODE = /^[^:,\s]+(?::\d{1,5})?$/;

/** A Redis Cluster as REDIS_URL names it: the nodes to start from, and the credentials of all. */
export interface ClusterUrl {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  /** `rediss+cluster://`: every node is spoken to over TLS. */
  tls: boolean;
}

/** Whether REDIS_URL names a Redis Cluster (`redis+cluster://`, `rediss+cluster://`), valid or not. */
export function isClusterUrl(url: string): boolean {
  return /^rediss?\+cluster:\/\//.test(url);
}

/**
 * The seed nodes and credentials of a `redis+cluster://` URL, or undefined when it is not one. Any
 * node of the cluster will do as a seed: the client asks it for the others and their slots.
 */
export function parseClusterUrl(url: string): ClusterUrl | undefined {
  const match = CLUSTER_URL.exec(url);
  if (!match) return undefined;
  const [, scheme, username, password, hosts] = match;
  const seeds = hosts.split(',');
  if (!seeds.every((seed) => CLUSTER_NODE.test(seed))) return undefined;
  return {
    nodes: seeds.map((seed) => {
      const [host, port] = seed.split(':');
      return { host, port: Number(port || 6379) };
    }),
    username: username ? decodeURIComponent(username) : undefined,
    password: password ? decodeURIComponent(password) : undefined,
    tls: scheme === 'rediss',
  };
}

/**
 * Whether a key prefix holds a Redis Cluster hash tag: a `{…}` with something inside, the first
 * `{` of the key, so that every key under the prefix hashes to one slot (a cluster runs a script
 * or a transaction only on keys of one slot).
 */
export function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf('{');
  const close = prefix.indexOf('}', open + 1);
  return open >= 0 && close > open + 1;
}

/** Why QUEUE_PREFIX cannot serve on this REDIS_URL, in one line, or undefined when it can. */
export function clusterPrefixProblem(redisUrl: string, queuePrefix: string): string | undefined {
  if (!isClusterUrl(redisUrl) || hasHashTag(queuePrefix)) return undefined;
  return (
    `QUEUE_PREFIX "${queuePrefix}" must hold a hash tag on a Redis Cluster, ` +
    `e.g. "{${queuePrefix.replace(/[{}]/g, '')}}", so that each queue's keys share one slot`
  );
}
