import { percentiles, ratio, round } from './percentiles';

describe('ratio', () => {
  it('divides to three decimals', () => {
    expect(ratio(48, 400)).toBe(0.12);
    expect(ratio(200, 300)).toBe(0.667);
  });

  it('gives 0 rather than Infinity or NaN when the baseline is 0', () => {
    expect(ratio(48, 0)).toBe(0);
    expect(ratio(0, 0)).toBe(0);
  });
});

describe('round', () => {
  it('rounds to two decimals unless told otherwise', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.25, 1)).toBe(1.3);
  });
});

describe('percentiles', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ count: 100, p50: 50, p90: 90, p99: 99, max: 100 });
  });

  it('gives zeros for no sample', () => {
    expect(percentiles([])).toEqual({ count: 0, p50: 0, p90: 0, p99: 0, max: 0 });
  });
});
