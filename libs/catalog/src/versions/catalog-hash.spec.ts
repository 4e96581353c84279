import { catalogHash } from './catalog-hash';

describe('catalogHash', () => {
  it('is the same for the same files in any order', () => {
    expect(catalogHash({ a: 'x', b: 'y' })).toBe(catalogHash({ b: 'y', a: 'x' }));
  });

  it('changes with a text, and with a name', () => {
    const base = catalogHash({ a: 'x', b: 'y' });
    expect(catalogHash({ a: 'x', b: 'z' })).not.toBe(base);
    expect(catalogHash({ a: 'x', c: 'y' })).not.toBe(base);
    // The separator keeps name and text apart.
    expect(catalogHash({ ab: 'c' })).not.toBe(catalogHash({ a: 'bc' }));
  });
});
