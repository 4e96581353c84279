import { isIPv4, isIPv6 } from 'node:net';

/** Why an address is not a public one, as deliveries and the server log name it. */
export type NonPublicKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'metadata'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmark'
  | 'reserved';

interface Range {
  bytes: number[];
  bits: number;
  kind: NonPublicKind;
}

const v4 = (cidr: string, kind: NonPublicKind): Range => {
  const [address, bits] = cidr.split('/');
  return { bytes: ipv4Bytes(address)!, bits: Number(bits), kind };
};
const v6 = (cidr: string, kind: NonPublicKind): Range => {
  const [address, bits] = cidr.split('/');
  return { bytes: ipv6Bytes(address)!, bits: Number(bits), kind };
};

/** Most specific first: the metadata address sits inside link-local, broadcast inside 240/4. */
const IPV4_RANGES: Range[] = [
  v4('169.254.169.254/32', 'metadata'),
  v4('255.255.255.255/32', 'broadcast'),
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'benchmark'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
];

const IPV6_RANGES: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('fd00:ec2::254/128', 'metadata'),
  v6('64:ff9b:1::/48', 'private'),
  v6('100::/64', 'reserved'),
  v6('2001:2::/48', 'benchmark'),
  v6('2001:db8::/32', 'documentation'),
  // Teredo tunnels to an address the engine cannot see.
  v6('2001::/32', 'reserved'),
  v6('fc00::/7', 'unique-local'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private'),
  v6('ff00::/8', 'multicast'),
];

/**
 * IPv6 forms that carry an IPv4 address, which is what decides: mapped (::ffff:a.b.c.d), the old
 * compatible form (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 */
const EMBEDDING: { range: Range; offset: number }[] = [
  { range: v6('::ffff:0:0/96', 'reserved'), offset: 12 },
  { range: v6('::/96', 'reserved'), offset: 12 },
  { range: v6('64:ff9b::/96', 'reserved'), offset: 12 },
  { range: v6('2002::/16', 'reserved'), offset: 2 },
];

/** Global unicast: every other IPv6 address is reserved. */
const GLOBAL_UNICAST = v6('2000::/3', 'reserved');

/**
 * What kind of non-public address `ip` is, or null for a public one. Accepts IPv4 dotted quads and
 * any IPv6 spelling (with or without a zone); anything that is not an IP address answers
 * `reserved`, so a caller can never mistake garbage for a public address.
 */
export function nonPublicKind(ip: string): NonPublicKind | null {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(address)) return match(ipv4Bytes(address)!, IPV4_RANGES);
  if (!isIPv6(address)) return 'reserved';
  const bytes = ipv6Bytes(address);
  if (!bytes) return 'reserved';
  const direct = match(bytes, IPV6_RANGES);
  if (direct) return direct;
  for (const { range, offset } of EMBEDDING) {
    if (inRange(bytes, range)) return match(bytes.slice(offset, offset + 4), IPV4_RANGES);
  }
  return inRange(bytes, GLOBAL_UNICAST) ? null : 'reserved';
}

function match(bytes: number[], ranges: Range[]): NonPublicKind | null {
  return ranges.find((range) => inRange(bytes, range))?.kind ?? null;
}

function inRange(bytes: number[], { bytes: net, bits }: Range): boolean {
  if (bytes.length !== net.length) return false;
  for (let bit = 0; bit < bits; bit += 8) {
    const left = Math.min(8, bits - bit);
    const mask = (0xff << (8 - left)) & 0xff;
    if ((bytes[bit / 8] & mask) !== (net[bit / 8] & mask)) return false;
  }
  return true;
}

function ipv4Bytes(address: string): number[] | null {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

/** The 16 bytes of an IPv6 address, including `::` and a trailing dotted quad. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase();
  const quad = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (quad) {
    const tail = ipv4Bytes(quad[1]);
    if (!tail) return null;
    const high = ((tail[0] << 8) | tail[1]).toString(16);
    const low = ((tail[2] << 8) | tail[3]).toString(16);
    text = `${text.slice(0, -quad[1].length)}${high}:${low}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}
