import { closestNames, editDistance } from './closest-names';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions, ignoring case', () => {
    expect(editDistance('supportId', 'supportId')).toBe(0);
    expect(editDistance('suportId', 'supportId')).toBe(1);
    expect(editDistance('supportid', 'supportId')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestNames', () => {
  const known = ['supportId', 'cluster', 'count', 'cpu', 'memoryGb'];

  it('suggests the closest known names, closest first', () => {
    expect(closestNames('suportId', known)).toEqual(['supportId']);
    expect(closestNames('cout', known)).toEqual(['count', 'cpu']);
  });

  it('suggests a name the word is part of, or that is part of it', () => {
    expect(closestNames('memory', known)).toEqual(['memoryGb']);
    expect(closestNames('clusterName', known)).toEqual(['cluster']);
  });

  it('suggests nothing for a word like none of them, or for an exact match', () => {
    expect(closestNames('zzzzzzzzzz', known)).toEqual([]);
    expect(closestNames('cluster', known)).toEqual([]);
  });

  it('suggests nothing for a word longer than any name could be', () => {
    expect(closestNames('x'.repeat(201), ['x'.repeat(200)])).toEqual([]);
  });

  it('still finds a name containing a word of a length far from its own', () => {
    expect(closestNames('bucket', ['object-storage.create-bucket'])).toEqual([
      'object-storage.create-bucket',
    ]);
  });

  it('keeps at most the limit', () => {
    expect(closestNames('c', ['ca', 'cb', 'cc', 'cd'], 2)).toHaveLength(2);
  });
});
