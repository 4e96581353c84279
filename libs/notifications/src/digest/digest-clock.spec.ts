import { localDay, localHourOf } from './digest-clock';

describe('the digest clock', () => {
  it.each([
    ['2026-03-10T22:59:00Z', 'UTC', '2026-03-10'],
    ['2026-03-10T23:30:00Z', 'Europe/Paris', '2026-03-11'],
    ['2026-03-11T03:00:00Z', 'America/New_York', '2026-03-10'],
    ['2026-03-10T18:45:00Z', 'Asia/Kolkata', '2026-03-11'],
  ])('%s in %s is on %s', (instant, zone, day) => {
    expect(localDay(new Date(instant), zone)).toBe(day);
  });

  it.each([
    ['2026-01-15', 8, 'UTC', '2026-01-15T08:00:00.000Z'],
    ['2026-01-15', 8, 'Europe/Paris', '2026-01-15T07:00:00.000Z'],
    ['2026-07-15', 8, 'Europe/Paris', '2026-07-15T06:00:00.000Z'],
    ['2026-07-15', 0, 'Asia/Kolkata', '2026-07-14T18:30:00.000Z'],
    ['2026-11-01', 23, 'America/Los_Angeles', '2026-11-02T07:00:00.000Z'],
  ])('%s at %i h in %s is %s', (day, hour, zone, instant) => {
    expect(localHourOf(day, hour, zone).toISOString()).toBe(instant);
  });

  it('keeps the hour across the clock changes of the zone', () => {
    // Paris leaves summer time on 2026-10-25 at 03:00 and enters it on 2026-03-29 at 02:00.
    expect(localHourOf('2026-10-25', 8, 'Europe/Paris').toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
    expect(localHourOf('2026-03-29', 8, 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    // 02:00 does not exist that day in Paris: the digest comes when the clock shows 03:00.
    expect(localHourOf('2026-03-29', 2, 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });
});
