import { BusinessCalendar } from './business-calendar';

describe('BusinessCalendar', () => {
  const calendar = new BusinessCalendar(['2026-12-25']);
  const at = (iso: string) => new Date(iso);

  it('skips weekends', () => {
    // Friday + 1 working day = Monday; Friday + 7 = the Tuesday after next.
    expect(calendar.addBusinessDays(at('2026-11-20T10:00:00Z'), 1)).toEqual(
      at('2026-11-23T10:00:00Z'),
    );
    expect(calendar.addBusinessDays(at('2026-11-20T10:00:00Z'), 7)).toEqual(
      at('2026-12-01T10:00:00Z'),
    );
  });

  it('skips configured holidays', () => {
    // Thursday 24 Dec + 1 = Monday 28 Dec (25 Dec is a holiday, then a weekend).
    expect(calendar.addBusinessDays(at('2026-12-24T09:00:00Z'), 1)).toEqual(
      at('2026-12-28T09:00:00Z'),
    );
    expect(calendar.isBusinessDay(at('2026-12-25T12:00:00Z'))).toBe(false);
  });

  it('counts from the next working day when started on a day off', () => {
    expect(calendar.addBusinessDays(at('2026-11-21T08:00:00Z'), 1)).toEqual(
      at('2026-11-23T08:00:00Z'),
    );
  });

  it('steps back over days off for reminders', () => {
    expect(calendar.subtractBusinessDays(at('2026-11-23T10:00:00Z'), 1)).toEqual(
      at('2026-11-20T10:00:00Z'),
    );
  });
});
