import fc from 'fast-check';
import { Endpoint } from './route-inventory';

/**
 * Who a generated call claims to be: every kind of principal the engine knows (the bootstrap
 * `ADMIN_TOKEN`, which names no user; a provider user; a customer admin; a customer user without
 * admin rights), then `bad` and `none`, which exercise the guard.
 */
export type Caller =
  'provider-admin' | 'provider-user' | 'customer' | 'customer-user' | 'bad-token' | 'no-token';

/** One generated call, ready to send. */
export interface HostileCase {
  caller: Caller;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Names that break naive object handling: prototype pollution, operator injection. */
const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$gt'];

/** Path segments sent raw: traversal, broken percent-encoding, NUL, words a parser may special-case. */
const RAW_SEGMENTS = [
  '..',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '%',
  '%E0%A4%A',
  '%ZZ',
  'null',
  'undefined',
  '0',
  '-1',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'mariadb.add-read-only-replica',
  'generic.nonexistent-action',
];

const SCALARS: unknown[] = [
  '',
  ' ',
  'null',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '\u0000',
  '\u202e\u200b',
  'raci_',
  0,
  -1,
  1e308,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  0.5,
  true,
  false,
  null,
];

const text = fc.string({ unit: 'binary', maxLength: 40 });

const scalar = fc.oneof(
  text,
  fc.constantFrom(...SCALARS),
  fc.integer().map(String),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'x'.repeat(n)),
);

function value(fields: string[]): fc.Arbitrary<unknown> {
  const key = keyOf(fields);
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectText),
    ),
  })).value;
}

function keyOf(fields: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fields.length ? fc.constantFrom(...fields) : text },
    { weight: 1, arbitrary: fc.constantFrom(...POISON_KEYS) },
    { weight: 1, arbitrary: text },
  );
}

/** Object entries kept as JSON text, so `__proto__` keys and duplicate keys reach the parser. */
class JsonText {
  constructor(readonly json: string) {}
  toJSON(): unknown {
    return this;
  }
}

export function objectText(entries: [string, unknown][]): JsonText {
  return new JsonText(
    `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`,
  );
}

function serialize(v: unknown): string {
  if (v instanceof JsonText) return v.json;
  if (Array.isArray(v)) return `[${v.map(serialize).join(',')}]`;
  return JSON.stringify(v) ?? 'null';
}

function body(fields: string[]): fc.Arbitrary<string | undefined> {
  const entries = fc.array(fc.tuple(keyOf(fields), value(fields)), { maxLength: 6 });
  return fc.oneof(
    { weight: 8, arbitrary: entries.map((e) => objectText(e).json) },
    { weight: 2, arbitrary: value(fields).map(serialize) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 20_000 }).map(deeplyNested) },
    { weight: 1, arbitrary: fc.integer({ min: 65_000, max: 80_000 }).map(oversized) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** `{"f":{"f":…}}` or `[[[…]]]` at a depth recursive code would choke on. */
function deeplyNested(depth: number): string {
  return depth % 2 === 0
    ? '{"params":'.repeat(depth) + '1' + '}'.repeat(depth)
    : '['.repeat(depth) + ']'.repeat(depth);
}

function oversized(length: number): string {
  return JSON.stringify({ comment: 'x'.repeat(length) });
}

function pathSegment(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.uuid().map(encodeURIComponent) },
    { weight: 2, arbitrary: text.map(encodeURIComponent) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 2, arbitrary: fc.constantFrom(...realIds) },
    { weight: 1, arbitrary: fc.integer({ min: 300, max: 8_000 }).map((n) => 'a'.repeat(n)) },
  );
}

/**
 * Cursors shaped like the API's own (base64url JSON of a time and an id, or of a sequence number),
 * holding what no page returns: ids that are no uuid, times and numbers out of any column's range.
 */
export const cursor: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('-200000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z'),
        scalar,
      ),
      fc.oneof(fc.uuid(), scalar),
    ),
    fc.tuple(fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, 2 ** 53, -1, 1e308, 0.5), scalar)),
    value([]),
  )
  .map((decoded) => Buffer.from(serialize(decoded)).toString('base64url'));

function queryString(names: string[]): fc.Arbitrary<string> {
  const pair = fc.oneof(
    fc.tuple(
      fc.oneof(keyOf(names), fc.constantFrom('a[b]', 'x[]', 'limit', 'cursor')),
      fc.oneof(scalar.map(String), fc.uuid()),
      fc.boolean(),
    ),
    fc.tuple(fc.constant('cursor'), cursor, fc.constant(false)),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(pair, { maxLength: 5 }).map(encodeQuery) },
    { weight: 1, arbitrary: fc.constantFrom('%', 'a=%E0%A4%A', '&&==&', 'limit=1&limit=2') },
  );
}

function encodeQuery(pairs: [string, string, boolean][]): string {
  return pairs
    .map(([k, v, raw]) =>
      raw
        ? `${encodeURIComponent(k)}=${v.replace(/[^\x21-\x7e]/g, '')}`
        : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
    )
    .join('&');
}

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=klingon',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
];

const headers = fc.record(
  {
    'content-type': fc.constantFrom(...CONTENT_TYPES),
    'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'),
    // Mostly types a JSON route serves: a 406 stops a call before the checks worth fuzzing.
    accept: fc.oneof(
      { arbitrary: fc.constantFrom('application/json', '*/*', 'application/*'), weight: 4 },
      { arbitrary: fc.constantFrom('text/csv', 'text/html', 'image/png'), weight: 1 },
    ),
    'idempotency-key': fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), fc.uuid()),
    'x-request-id': fc.string({ unit: 'grapheme-ascii', maxLength: 100 }),
  },
  { requiredKeys: ['content-type'] },
);

/** Generated calls to one endpoint: hostile path, query, headers and body, mostly well authenticated. */
export function hostileCase(endpoint: Endpoint, realIds: string[]): fc.Arbitrary<HostileCase> {
  const segments = fc.tuple(...endpoint.pathParams.map(() => pathSegment(realIds)));
  const caller = fc.constantFrom<Caller>(
    ...([
      'provider-admin',
      'provider-admin',
      'provider-admin',
      'provider-admin',
      'provider-admin',
      'provider-user',
      'provider-user',
      'customer',
      'customer',
      'customer-user',
      'bad-token',
      'no-token',
    ] as Caller[]),
  );
  return fc
    .record({
      caller,
      segments,
      query: queryString(endpoint.queryParams),
      headers,
      body:
        endpoint.method === 'GET' || endpoint.method === 'DELETE'
          ? fc.constant(undefined)
          : body(endpoint.bodyFields),
    })
    .map(({ caller, segments, query, headers, body }) => {
      let i = 0;
      const path = endpoint.path.replace(/\{[^}]+\}/g, () => segments[i++]);
      return {
        caller,
        path: query ? `${path}?${query}` : path,
        headers,
        body,
      };
    });
}
