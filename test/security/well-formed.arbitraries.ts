import fc from 'fast-check';
import { Caller, cursor, HostileCase, objectText } from './hostile-input.arbitraries';
import { Endpoint } from './route-inventory';

/**
 * Every documented field with a plain value, so that calls get past validation often enough to reach
 * what the endpoint does with each kind of caller.
 */
export function plausible(fields: string[]): fc.Arbitrary<string> {
  const plain = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.boolean(), fc.uuid());
  return fc
    .tuple(...fields.map((field) => plain.map((v): [string, unknown] => [field, v])))
    .map((e) => objectText(e).json);
}

/** Every kind of caller, each as likely as the others. */
export const CALLERS: readonly Caller[] = [
  'provider-admin',
  'provider-user',
  'customer',
  'customer-user',
  'bad-token',
  'no-token',
];

/**
 * Calls that pass validation: ids of things that exist, plain JSON bodies of the documented fields,
 * JSON headers and, sometimes, a forged cursor. They reach what each endpoint does for each kind of
 * caller, which hostile calls, mostly refused at the edge, seldom do.
 */
export function wellFormedCase(
  endpoint: Endpoint,
  idsByCollection: Record<string, string[]>,
): fc.Arbitrary<HostileCase> {
  // Each parameter takes the ids of the collection its path names just before it (`/requests/{id}`).
  const collections = [...endpoint.path.matchAll(/\/([^/{}]+)\/\{[^}]+\}/g)].map((m) => m[1]);
  const anyId = Object.values(idsByCollection).flat();
  const segments = fc.tuple(
    ...collections.map((collection) => fc.constantFrom(...(idsByCollection[collection] ?? anyId))),
  );
  const query = endpoint.queryParams.includes('cursor')
    ? fc.option(
        cursor.map((c) => `cursor=${c}`),
        { nil: '' },
      )
    : fc.constant('');
  return fc
    .record({
      caller: fc.constantFrom(...CALLERS),
      segments,
      query,
      body:
        endpoint.method === 'GET' || endpoint.method === 'DELETE'
          ? fc.constant(undefined)
          : plausible(endpoint.bodyFields),
    })
    .map(({ caller, segments, query, body }) => {
      let i = 0;
      const path = endpoint.path.replace(/\{[^}]+\}/g, () => segments[i++]);
      return {
        caller,
        path: query ? `${path}?${query}` : path,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
      };
    });
}
