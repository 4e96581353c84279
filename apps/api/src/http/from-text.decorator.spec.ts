import { plainToInstance } from 'class-transformer';
import { IsDate, IsInt, validateSync } from 'class-validator';
import { FromText } from './from-text.decorator';

class Sample {
  @FromText(Number)
  @IsInt()
  count!: number;

  @FromText(Date)
  @IsDate()
  at!: Date;
}

const convert = (plain: Record<string, unknown>) => plainToInstance(Sample, plain);
const refused = (sample: Sample) => validateSync(sample).map((error) => error.property);

describe('FromText', () => {
  it('converts text to a number and to a date', () => {
    const sample = convert({ count: '12', at: '2026-12-01T03:00:00Z' });
    expect(sample).toEqual({ count: 12, at: new Date('2026-12-01T03:00:00Z') });
    expect(refused(sample)).toEqual([]);
  });

  it('keeps a number sent as a number', () => {
    expect(convert({ count: 7 }).count).toBe(7);
  });

  it.each([
    ['an object whose conversion throws', { toString: '' }],
    ['an object that converts to text', { toString: () => '3' }],
    ['an array', ['4']],
    ['null', null],
    ['a boolean', true],
  ])('leaves %s unconverted, for the validators to refuse', (_, value) => {
    const sample = convert({ count: value, at: value });
    expect(typeof sample.count).not.toBe('number');
    expect(sample.at).not.toBeInstanceOf(Date);
    expect(refused(sample)).toEqual(['count', 'at']);
  });
});
