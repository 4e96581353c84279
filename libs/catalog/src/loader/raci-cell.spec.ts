import { parseRaciCell } from './raci-cell';

describe('parseRaciCell', () => {
  it.each([
    ['A / R', ['R', 'A']],
    ['R / A', ['R', 'A']],
    ['A / I / R', ['R', 'A', 'I']],
    ['I / C', ['C', 'I']],
    ['I', ['I']],
    ['', []],
  ])('reads "%s" in R, A, C, I order', (cell, letters) => {
    expect(parseRaciCell(cell)).toEqual({ letters });
  });

  it('names an unknown letter', () => {
    expect(parseRaciCell('A / X')).toEqual({ problem: expect.stringContaining('"X"') });
  });

  it('refuses a repeated letter', () => {
    expect(parseRaciCell('R / R')).toEqual({ problem: expect.stringContaining('repeated') });
  });
});
