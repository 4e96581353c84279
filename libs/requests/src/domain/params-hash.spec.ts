import { createHash } from 'node:crypto';
import { canonicalJson, paramsHash } from './params-hash';

describe('paramsHash', () => {
  it('hashes the canonical JSON: keys sorted at every depth, no spaces', () => {
    const params = { z: 1, a: { y: [2, { c: true, b: null }], x: 'é' } };
    expect(canonicalJson(params)).toBe('{"a":{"x":"é","y":[2,{"b":null,"c":true}]},"z":1}');
    expect(paramsHash(params)).toBe(
      createHash('sha256').update(canonicalJson(params)).digest('hex'),
    );
  });

  it('gives the same hash whatever order the keys came in, another for other values', () => {
    const one = paramsHash({ instance: 'db-1', replicaName: 'r' });
    expect(paramsHash({ replicaName: 'r', instance: 'db-1' })).toBe(one);
    expect(paramsHash({ instance: 'db-2', replicaName: 'r' })).not.toBe(one);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
  });
});
