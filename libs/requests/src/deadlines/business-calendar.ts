const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Working days: Monday to Friday, less the configured holidays (UTC dates). The provider states
 * that a request takes up to 7 working days, so deadlines are counted here, not in calendar days.
 */
export class BusinessCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(holidays: readonly string[] = []) {
    this.holidays = new Set(holidays);
  }

  isBusinessDay(date: Date): boolean {
    const weekday = date.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date.toISOString().slice(0, 10));
  }

  /** The same time of day, `days` working days later (a start on a day off counts from the next working day). */
  addBusinessDays(start: Date, days: number): Date {
    let date = new Date(start);
    let left = days;
    while (left > 0) {
      date = new Date(date.getTime() + DAY_MS);
      if (this.isBusinessDay(date)) left--;
    }
    return date;
  }

  /** `days` working days before `end` (used for reminders ahead of a deadline). */
  subtractBusinessDays(end: Date, days: number): Date {
    let date = new Date(end);
    let left = days;
    while (left > 0) {
      date = new Date(date.getTime() - DAY_MS);
      if (this.isBusinessDay(date)) left--;
    }
    return date;
  }
}
